import { defineCommand } from "../define.js";
import { eventTime } from "./fragments.js";

/**
 * The page types `CurRoomCount` as String and `MaxRoomCount` as Array, but its sample sends numbers:
 * both are integers here, and digit strings are coerced.
 */
export default defineCommand({
  command: "Live.CallbackAfterCreateRoomReachingThreshold",
  kind: "after",
  summary: "room creations reached 70% of the quota",
  source: "https://trtc.io/document/70485",
  schema: {
    properties: {
      Operator_Account: { type: "string" },
      EventTime: eventTime,
      CurRoomCount: { type: "integer", description: "rooms created so far" },
      MaxRoomCount: { type: "integer", description: "room creation quota" },
    },
  },
  sample: `{
"CallbackCommand": "Live.CallbackAfterCreateRoomReachingThreshold",
"Operator_Account": "brennanli",
"EventTime": 1739966441121,
"CurRoomCount": 400,
"MaxRoomCount": 500
}`,
  pages: { en: "https://trtc.io/document/70485" },
});
