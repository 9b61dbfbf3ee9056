import { defineCommand } from "../define.js";
import { int, moderationEvent, taskDedupe } from "./fragments.js";

/**
 * Cloud moderation (group 11), https://trtc.io/document/73394: the page's field tables, not its samples (they could not be read
 * when this file was written): the sample is written from the tables in the group's layout; compare it
 * with the page. The payload follows the slicing page's
 * (https://trtc.io/document/73393): the two pages are written from one template, and the moderation page's
 * table documents only 1101's.
 */
export default defineCommand({
  protocol: "trtc",
  command: "CloudModerationSendStart",
  group: 11,
  code: 1103,
  kind: "after",
  summary: "a cloud moderation task started",
  source: "https://trtc.io/document/73394",
  schema: moderationEvent({ Status: int("0 started | 1 failed to start") }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 11,
    "EventType": 1103,
    "CallbackTs": 1726125338219,
    "EventInfo": {
        "RoomId": "1234",
        "EventTs": 1726125338,
        "EventMsTs": 1726125338205,
        "UserId": "moderation_robot_1234",
        "TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
        "Payload": {
            "Status": 0
        }
    }
}`,
});
