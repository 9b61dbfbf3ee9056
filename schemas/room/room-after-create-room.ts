import { defineCommand } from "../define.js";
import { eventTime, roomDisabledSwitchProperties, roomInfo, takeSeatMode } from "./fragments.js";

/**
 * Source: https://trtc.io/document/60733 (= tencentcloud.com/document/product/647/60733). The field
 * table lists `ScheduleStartTime` twice (the second is `ScheduleEndTime`); schedule and create times
 * are in seconds. `ScheduleInviteeList_Account` lists invited users.
 */
export default defineCommand({
  command: "Room.CallbackAfterCreateRoom",
  kind: "after",
  summary: "a TUIRoomKit room was created",
  source: "https://trtc.io/document/60733",
  schema: {
    required: ["RoomInfo"],
    properties: {
      Operator_Account: { type: "string" },
      RoomInfo: roomInfo({
        RoomType: { type: "string", description: "Meeting (any string accepted)" },
        Owner_Account: { type: "string" },
        MaxMemberCount: { type: "integer" },
        MaxSeatCount: { type: "integer" },
        ...roomDisabledSwitchProperties,
        IsCloudRecordingDisabled: { type: "boolean" },
        CustomInfo: { type: "string" },
        ScheduleStartTime: { type: "integer", description: "seconds since the epoch" },
        ScheduleEndTime: { type: "integer", description: "seconds since the epoch" },
        RoomStatus: { type: "string", description: "None | NotStarted | Running" },
        IsSeatEnabled: { type: "boolean" },
        TakeSeatMode: takeSeatMode,
        CreateTime: { type: "integer", description: "seconds since the epoch" },
      }),
      ScheduleInviteeList_Account: { type: "array", items: { type: "string" } },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Room.CallbackAfterCreateRoom",
"Operator_Account":"admin",
"RoomInfo":{
"RoomId":"tandy-test-rest",
"RoomName":"tandy-test-rest",
"RoomType":"Meeting",
"Owner_Account":"user3",
"MaxMemberCount":300,
"MaxSeatCount":16,
"IsVideoDisabled":true,
"IsAudioDisabled":true,
"IsMessageDisabled":true,
"IsScreenSharingDisabled":true,
"IsCloudRecordingDisabled":true,
"CustomInfo":"custom123",
"ScheduleStartTime":1703589922,
"ScheduleEndTime":1703593522,
"RoomStatus":"Running",
"IsSeatEnabled":true,
"TakeSeatMode":"ApplyToTake",
"CreateTime":1703589922
},
"ScheduleInviteeList_Account":["user2", "user3", "user3"],
"EventTime":1703589922780
}`,
  pages: { en: "https://trtc.io/document/60733" },
});
