import { defineCommand } from "../define.js";
import { leaveCode, sliceEvent, taskDedupe } from "./fragments.js";

/**
 * Cloud slicing (group 10), https://trtc.io/document/73393: the page's field tables, not its samples (they could not be read
 * when this file was written): the sample is written from the tables in the group's layout; compare it
 * with the page.
 */
export default defineCommand({
  protocol: "trtc",
  command: "CloudSliceStop",
  group: 10,
  code: 1002,
  kind: "after",
  summary: "the cloud slicing module exited",
  source: "https://trtc.io/document/73393",
  schema: sliceEvent({ LeaveCode: leaveCode }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 10,
    "EventType": 1002,
    "CallbackTs": 1726125338219,
    "EventInfo": {
        "RoomId": "1234",
        "EventTs": 1726125338,
        "EventMsTs": 1726125338205,
        "UserId": "slice_robot_1234",
        "TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
        "Payload": {
            "LeaveCode": 0
        }
    }
}`,
});
