import { defineCommand } from "../define.js";
import { eventTime, liveRoomListingProperties, liveRoomSettingProperties, roomInfo, takeSeatMode } from "./fragments.js";

/**
 * Sources: https://trtc.io/document/67938 (= tencentcloud.com/document/product/647/67938),
 * https://cloud.tencent.com/document/product/647/115659, .../269/117545 (all the same sample).
 * `RoomInfo` carries the room's fields after the update; the field table lists RoomId, RoomName,
 * MaxMemberCount, IsMessageDisabled, CustomInfo, TakeSeatMode, IsPublicVisible, CoverURL, Category and
 * ActivityStatus. Every version puts `EventTime` at the top level; an `EventTime` inside `RoomInfo`
 * (as one version of the create-room page has it) is accepted too.
 */
export default defineCommand({
  command: "Live.CallbackAfterUpdateRoomInfo",
  kind: "after",
  summary: "a TUILiveKit room's information was changed",
  source: "https://trtc.io/document/67938",
  schema: {
    required: ["RoomInfo"],
    properties: {
      Operator_Account: { type: "string" },
      EventTime: eventTime,
      RoomInfo: roomInfo({
        ...liveRoomSettingProperties,
        TakeSeatMode: takeSeatMode,
        ...liveRoomListingProperties,
        ActivityStatus: { type: "integer", description: "user-defined live activity status" },
        EventTime: eventTime,
      }),
    },
  },
  sample: `{
"CallbackCommand":"Live.CallbackAfterUpdateRoomInfo",
"Operator_Account":"bob",
"RoomInfo" : {
"RoomId":"live-room",
"RoomName" : "rname-123",
"MaxMemberCount" : 300,
"IsMessageDisabled" : false,
"CoverURL": "https://xxxx.png",
"Category": [1,2,3],
"ActivityStatus":1,
"IsPublicVisible": false,
"TakeSeatMode": "ApplyToTake",
"CustomInfo": "custom123"
},
"EventTime":1670574414123
}`,
  pages: { en: "https://trtc.io/document/67938" },
});
