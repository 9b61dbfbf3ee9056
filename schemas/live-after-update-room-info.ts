import type { FromSchema } from "json-schema-to-ts";
import { liveRoomListingProperties, takeSeatMode } from "./fragments.js";

/**
 * `Live.CallbackAfterUpdateRoomInfo` — a TUILiveKit room's information was changed.
 * Sources: https://trtc.io/document/67938 (= tencentcloud.com/document/product/647/67938),
 * https://cloud.tencent.com/document/product/647/115659, .../269/117545 (all the same sample).
 * `RoomInfo` carries the room's fields after the update; the field table lists RoomId, RoomName,
 * MaxMemberCount, IsMessageDisabled, CustomInfo, TakeSeatMode, IsPublicVisible, CoverURL,
 * Category and ActivityStatus. Every version puts `EventTime` at the top level; an `EventTime`
 * inside `RoomInfo` (as one version of the create-room page has it) is accepted too.
 */
export const command = "Live.CallbackAfterUpdateRoomInfo" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Live.CallbackAfterUpdateRoomInfo",
  type: "object",
  required: ["CallbackCommand", "RoomInfo", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterUpdateRoomInfo" },
    Operator_Account: { type: "string" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
    RoomInfo: {
      type: "object",
      required: ["RoomId"],
      properties: {
        RoomId: { type: "string" },
        RoomName: { type: "string" },
        MaxMemberCount: { type: "integer" },
        IsMessageDisabled: { type: "boolean" },
        CustomInfo: { type: "string" },
        TakeSeatMode: takeSeatMode,
        ...liveRoomListingProperties,
        ActivityStatus: { type: "integer", description: "user-defined live activity status" },
        EventTime: { type: "integer", description: "milliseconds since the epoch" },
      },
    },
  },
} as const;

export type LiveAfterUpdateRoomInfoPayload = FromSchema<typeof schema>;

/** The page's sample; the JS comment removed and the missing comma before `"EventTime"` added. */
export const sample = `{
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
}`;
