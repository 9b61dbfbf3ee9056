import { defineCommand } from "../define.js";
import { eventTime, roomOperationProperties, takeSeatMode } from "./fragments.js";

/**
 * A TUILiveKit room was dissolved. `RoomInfo.Owner_Account` is documented as a String but sent as a
 * bare 64-bit number: the body parser keeps it exact and it arrives as a string. `RoomType` is
 * documented as "Meeting" but sent as "Live": any string is accepted. `Statistic` is new in 2025,
 * so optional.
 */
export default defineCommand({
  command: "Live.CallbackAfterDestroyRoom",
  kind: "after",
  summary: "a live room was dissolved",
  source: "https://trtc.io/document/64423",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomOperationProperties,
      EventType: { type: "string", description: "DestroyByUser | DestroyBySystem" },
      EventTime: eventTime,
      RoomInfo: {
        type: "object",
        properties: {
          RoomName: { type: "string" },
          RoomType: { type: "string" },
          Owner_Account: { type: "string" },
          IsSeatEnabled: { type: "boolean" },
          TakeSeatMode: takeSeatMode,
          MaxMemberCount: { type: "integer" },
          MaxSeatCount: { type: "integer" },
          Category: { type: "array", items: { type: "integer" } },
          CustomInfo: { type: "string" },
          IsMessageDisabled: { type: "boolean" },
          CoverURL: { type: "string" },
          ActivityStatus: { type: "integer" },
          IsPublicVisible: { type: "boolean" },
          ViewCount: { type: "integer" },
          BackgroundURL: { type: "string" },
          IsUnlimitedRoomEnabled: { type: "boolean" },
        },
      },
      Statistic: {
        type: "object",
        properties: {
          TotalViewers: { type: "integer" },
          TotalGiftsSent: { type: "integer" },
          TotalGiftCoins: { type: "integer" },
          TotalUniqueGiftSenders: { type: "integer" },
          TotalLikesReceived: { type: "integer" },
        },
      },
    },
  },
  sample: `{
"CallbackCommand":"Live.CallbackAfterDestroyRoom",
"Operator_Account":"admin",
"RoomId":"tandy-test-rest",
"EventType":"DestroyByUser",
"EventTime":1703589922780,
"RoomInfo": {
"RoomName": "live name",
"RoomType": "Live",
"Owner_Account": 144115216631667826,
"IsSeatEnabled": true,
"TakeSeatMode": "FreeToTake",
"MaxMemberCount": 400,
"MaxSeatCount": 4,
"Category": [1, 2, 3],
"CustomInfo": "",
"IsMessageDisabled": false,
"CoverURL": "cover url",
"ActivityStatus": 0,
"IsPublicVisible": false,
"ViewCount": 0,
"BackgroundURL": "background url",
"IsUnlimitedRoomEnabled": true
},
"Statistic": {
"TotalViewers": 0,
"TotalGiftsSent": 0,
"TotalGiftCoins": 0,
"TotalUniqueGiftSenders": 0,
"TotalLikesReceived": 0
}
}`,
  pages: { en: "https://trtc.io/document/64423", zh: "https://www.tencentcloud.com/zh/document/product/647/64423" },
  variants: [
    {
      source: "https://www.tencentcloud.com/zh/document/product/647/64423",
      note: "the Chinese page's sample: no RoomInfo and no Statistic (its missing comma before EventTime added)",
      text: `{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":"admin","RoomId":"tandy-test-rest","EventType":"DestroyByUser","EventTime":1703589922780}`,
    },
  ],
  disagreements: [
    {
      field: "RoomInfo",
      en: { url: "https://trtc.io/document/64423", says: "sent: the room's last RoomInfo, with Statistic" },
      zh: {
        url: "https://www.tencentcloud.com/zh/document/product/647/64423",
        says: "not sent: neither the sample nor the table has RoomInfo or Statistic (the TUILiveKit copy, tencentcloud.com/zh 1071/78184, does send both)",
      },
      resolution: "optional, as Statistic: read payload.RoomInfo?.… and payload.Statistic?.…",
    },
  ],
});
