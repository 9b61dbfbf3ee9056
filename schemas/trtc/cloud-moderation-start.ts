import { defineCommand } from "../define.js";
import { int, moderationEvent, taskDedupe } from "./fragments.js";

/**
 * Cloud moderation (group 11), https://trtc.io/document/73394: the page's field tables, not its samples (they could not be read
 * when this file was written): the sample is written from the tables in the group's layout; compare it
 * with the page.
 */
export default defineCommand({
  protocol: "trtc",
  command: "CloudModerationStart",
  group: 11,
  code: 1101,
  kind: "after",
  summary: "the cloud moderation module started (or failed to)",
  source: "https://trtc.io/document/73394",
  schema: moderationEvent({ Status: int("0 started | 1 failed to start") }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 11,
    "EventType": 1101,
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
