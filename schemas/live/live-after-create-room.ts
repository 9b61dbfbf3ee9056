import { defineCommand } from "../define.js";
import { liveRoomListingProperties, liveRoomSettingProperties, roomInfo, takeSeatMode } from "./fragments.js";

/**
 * Sources: https://trtc.io/document/64422 (= tencentcloud.com/document/product/647/64422),
 * https://cloud.tencent.com/document/product/647/110523 and
 * https://cloud.tencent.com/document/product/647/110679. The page versions disagree on `EventTime`
 * (all list it in the field table as a top-level Integer): 110523's sample puts it at the top level,
 * 110679's sample puts it inside `RoomInfo`, and 64422's sample has none. Both places are accepted and
 * neither is required: read `payload.EventTime ?? payload.RoomInfo.EventTime`. The sample below is
 * 110523's (its missing comma before `"EventTime"` added); 110679's form is in `variants`. `RoomType`
 * is documented as "Meeting" but sent as "Live": any string. `CreateTime` is in seconds.
 */
export default defineCommand({
  command: "Live.CallbackAfterCreateRoom",
  kind: "after",
  summary: "a TUILiveKit room was created",
  source: "https://trtc.io/document/64422",
  schema: {
    required: ["RoomInfo"],
    properties: {
      Operator_Account: { type: "string" },
      EventTime: { type: "integer", description: "milliseconds since the epoch; some page versions send it inside RoomInfo instead" },
      RoomInfo: roomInfo({
        RoomType: { type: "string" },
        Owner_Account: { type: "string" },
        ...liveRoomSettingProperties,
        IsSeatEnabled: { type: "boolean" },
        TakeSeatMode: takeSeatMode,
        MaxSeatCount: { type: "integer" },
        CreateTime: { type: "integer", description: "seconds since the epoch" },
        ...liveRoomListingProperties,
        EventTime: { type: "integer", description: "milliseconds since the epoch (page 647/110679's placement)" },
      }),
    },
  },
  sample: `{
"CallbackCommand":"Live.CallbackAfterCreateRoom",
"Operator_Account":"admin",
"RoomInfo":{
"RoomId":"tandy-test-rest",
"RoomName":"tandy-test-rest",
"RoomType":"Live",
"Owner_Account":"user3",
"MaxMemberCount":300,
"IsMessageDisabled":true,
"CustomInfo":"custom123",
"IsSeatEnabled":true,
"TakeSeatMode":"ApplyToTake",
"MaxSeatCount":16,
"CreateTime":1703589922,
"IsPublicVisible":true,
"CoverURL":"cover url",
"Category":[1,2]
},
"EventTime":1703589922780
}`,
  variants: [
    {
      source: "https://cloud.tencent.com/document/product/647/110679",
      note: "this page version's sample puts EventTime inside RoomInfo",
      text: `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{"RoomId":"tandy-test-rest","RoomName":"tandy-test-rest","RoomType":"Live","Owner_Account":"user3","MaxMemberCount":300,"IsMessageDisabled":true,"CustomInfo":"custom123","IsSeatEnabled":true,"TakeSeatMode":"ApplyToTake","MaxSeatCount":16,"CreateTime":1703589922,"IsPublicVisible":true,"CoverURL":"cover url","Category":[1,2],"EventTime":1703589922780}}`,
    },
    {
      source: "https://www.tencentcloud.com/zh/document/product/647/64422",
      note: "the form of the 64422 pages (English and Chinese alike): no EventTime anywhere",
      text: `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{"RoomId":"tandy-test-rest","RoomName":"tandy-test-rest","RoomType":"Live","Owner_Account":"user3","MaxMemberCount":300,"IsMessageDisabled":true,"CustomInfo":"custom123","IsSeatEnabled":true,"TakeSeatMode":"ApplyToTake","MaxSeatCount":16,"CreateTime":1703589922,"IsPublicVisible":true,"CoverURL":"cover url","Category":[1,2]}}`,
    },
  ],
  pages: { en: "https://trtc.io/document/64422", zh: "https://cloud.tencent.com/document/product/647/110523" },
  disagreements: [
    {
      field: "EventTime",
      en: { url: "https://trtc.io/document/64422", says: "listed as a top-level Integer, absent from the sample" },
      zh: {
        url: "https://cloud.tencent.com/document/product/647/110679",
        says: "inside RoomInfo in this version's sample (647/110523 puts it at the top level)",
      },
      resolution: "accepted in both places, required in neither: payload.EventTime ?? payload.RoomInfo.EventTime",
    },
  ],
});
