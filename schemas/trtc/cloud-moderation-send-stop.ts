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
  command: "CloudModerationSendStop",
  group: 11,
  code: 1105,
  kind: "after",
  summary: "cloud moderation submission ended",
  source: "https://trtc.io/document/73394",
  schema: moderationEvent({ Status: int("the page says only: end of the submission for review") }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 11,
    "EventType": 1105,
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
