import type { FromSchema } from "json-schema-to-ts";

/**
 * `Live.CallbackAfterMemberStateChanged` — room members went online or offline (entered, left,
 * lost or regained their heartbeat). Source: https://trtc.io/document/64424
 * (= tencentcloud.com/document/product/647/64424).
 *
 * The page contradicts itself: its parameter table says the query's CallbackCommand is "fixed as
 * `Live.CallbackMemberStateChanged`", its sample body says `Live.CallbackAfterMemberStateChanged`
 * (the name the command list at trtc.io/document/64413 uses). Both names are accepted in the body
 * (`CallbackCommand` is an enum), and `aliases` lets the registry map the short name to this
 * definition. `MemberList[].Member_Account` is a string (numbers are coerced). The newest page
 * version adds a fifth `EventCause`, `Kicked`; any string is accepted.
 */
export const command = "Live.CallbackAfterMemberStateChanged" as const;
export const kind = "after" as const;
export const aliases = ["Live.CallbackMemberStateChanged"] as const;

export const schema = {
  $id: "Live.CallbackAfterMemberStateChanged",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { enum: ["Live.CallbackAfterMemberStateChanged", "Live.CallbackMemberStateChanged"] },
    RoomId: { type: "string" },
    EventType: { type: "string", description: "Online | Offline" },
    EventCause: { type: "string", description: "Enter | Leave | HeartbeatInterrupt | HeartbeatRecover | Kicked" },
    MemberList: {
      type: "array",
      items: {
        type: "object",
        properties: {
          Member_Account: { type: "string" },
        },
      },
    },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type LiveAfterMemberStateChangedPayload = FromSchema<typeof schema>;

/** The page's sample; only its two JS comments removed. */
export const sample = `{
"CallbackCommand":"Live.CallbackAfterMemberStateChanged",
"RoomId":"room_id",
"EventType":"Online",
"EventCause":"Enter",
"MemberList":[
{
"Member_Account": "jared"
},
{
"Member_Account": "tommy"
}
],
"EventTime":1703589922780
}`;

/** The same body under the name the page's parameter table gives (constructed, not the page's sample). */
export const variants = [
  `{"CallbackCommand":"Live.CallbackMemberStateChanged","RoomId":"room_id","EventType":"Offline","EventCause":"HeartbeatInterrupt","MemberList":[{"Member_Account":"jared"}],"EventTime":1703589922780}`,
] as const;
