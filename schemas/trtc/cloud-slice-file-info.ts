import { defineCommand } from "../define.js";
import { sliceEvent, str, taskDedupe } from "./fragments.js";

/**
 * Cloud slicing (group 10), https://trtc.io/document/73393: the page's field tables, not its samples (they could not be read
 * when this file was written): the sample is written from the tables in the group's layout; compare it
 * with the page.
 */
export default defineCommand({
  protocol: "trtc",
  command: "CloudSliceFileInfo",
  group: 10,
  code: 1004,
  kind: "after",
  summary: "an audio slice or video screenshot was uploaded (COS only)",
  source: "https://trtc.io/document/73393",
  schema: sliceEvent({ StreamUserId: str("user ID of the anchor whose stream was sliced") }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 10,
    "EventType": 1004,
    "CallbackTs": 1726125338219,
    "EventInfo": {
        "RoomId": "1234",
        "EventTs": 1726125338,
        "EventMsTs": 1726125338205,
        "UserId": "slice_robot_1234",
        "TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
        "Payload": {
            "StreamUserId": "anchor_1"
        }
    }
}`,
});
