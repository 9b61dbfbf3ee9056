import { defineCommand } from "../define.js";
import { moderationEvent, str, taskDedupe } from "./fragments.js";

/**
 * Cloud moderation (group 11), https://trtc.io/document/73394: the page's field tables, not its samples (they could not be read
 * when this file was written): the sample is written from the tables in the group's layout; compare it
 * with the page. The payload follows the slicing page's
 * (https://trtc.io/document/73393): the two pages are written from one template, and the moderation page's
 * table documents only 1101's.
 */
export default defineCommand({
  protocol: "trtc",
  command: "CloudModerationTaskInfo",
  group: 11,
  code: 1104,
  kind: "after",
  summary: "a cloud moderation result",
  source: "https://trtc.io/document/73394",
  schema: moderationEvent({ StreamUserId: str("user ID of the anchor whose stream was moderated") }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 11,
    "EventType": 1104,
    "CallbackTs": 1726125338219,
    "EventInfo": {
        "RoomId": "1234",
        "EventTs": 1726125338,
        "EventMsTs": 1726125338205,
        "UserId": "moderation_robot_1234",
        "TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
        "Payload": {
            "StreamUserId": "anchor_1"
        }
    }
}`,
});
