import { defineCommand } from "../define.js";
import { eventTime, roomDisabledSwitchProperties, roomInfo, takeSeatMode } from "./fragments.js";

/**
 * Source: https://trtc.io/document/60731 (= tencentcloud.com/document/product/647/60731). Older name:
 * `Room.CallbackUpdateRoomInfo` (https://cloud.tencent.com/document/product/269/105401). Both names are
 * accepted in the body (`CallbackCommand` is an enum) and `aliases` lets the registry map the old name
 * to this definition. The page's sample sends `"IsCloudRecordingDisabled" : "false"` — a string,
 * though the table says Bool: the schema says boolean, and the coercions turn "true" / "false" (and
 * 1 / 0) into the boolean, so a handler always reads a boolean.
 */
export default defineCommand({
  command: "Room.CallbackAfterUpdateRoomInfo",
  kind: "after",
  aliases: ["Room.CallbackUpdateRoomInfo"],
  summary: "a TUIRoomKit room's information was changed",
  source: "https://trtc.io/document/60731",
  schema: {
    required: ["RoomInfo"],
    properties: {
      Operator_Account: { type: "string" },
      RoomInfo: roomInfo({
        Owner_Account: { type: "string" },
        TakeSeatMode: takeSeatMode,
        MaxMemberCount: { type: "integer" },
        ...roomDisabledSwitchProperties,
        IsCloudRecordingDisabled: { type: "boolean", description: 'documented as Bool; the page\'s sample sends the string "false" (coerced)' },
        CustomInfo: { type: "string" },
      }),
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Room.CallbackAfterUpdateRoomInfo",
"Operator_Account":"bob",
"RoomInfo" : {
"RoomId":"rid-123",
"RoomName" : "rname-123",
"Owner_Account" : "jack",
"TakeSeatMode" : "FreeToTake",
"MaxMemberCount" : 300,
"IsVideoDisabled" : false,
"IsAudioDisabled" : false,
"IsMessageDisabled" : false,
"IsScreenSharingDisabled" : false,
"IsCloudRecordingDisabled" : "false",
"CustomInfo" : "123"
},
"EventTime":1670574414123
}`,
  variants: [
    {
      source: "https://cloud.tencent.com/document/product/269/105401",
      note: "the older name Room.CallbackUpdateRoomInfo, IsCloudRecordingDisabled as a boolean",
      text: `{"CallbackCommand":"Room.CallbackUpdateRoomInfo","Operator_Account":"bob","RoomInfo":{"RoomId":"rid-123","RoomName":"rname-123","IsCloudRecordingDisabled":false},"EventTime":1670574414123}`,
    },
  ],
  pages: { en: "https://trtc.io/document/60731" },
});
