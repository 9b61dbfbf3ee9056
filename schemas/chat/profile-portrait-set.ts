import { defineCommand } from "../define.js";
import { eventTimeMs } from "./sns-c2c-fragments.js";

/**
 * A user's profile was updated (by the user on a client, or by an admin through the REST API).
 * `Value` is documented as "uint32/string": it keeps whichever type arrives.
 */
export default defineCommand({
  command: "Profile.CallbackPortraitSet",
  kind: "after",
  summary: "a user's profile was updated",
  source: "https://trtc.io/document/48733",
  schema: {
    required: ["From_Account"],
    properties: {
      Operator_Account: { type: "string", description: "the user who made the update" },
      From_Account: { type: "string", description: "the user whose profile was updated" },
      EventTime: eventTimeMs,
      ProfileItem: {
        type: "array",
        description: "the profile fields updated",
        items: {
          type: "object",
          properties: {
            Tag: { type: "string", description: "profile field name, e.g. Tag_Profile_IM_Nick, Tag_Profile_Custom_…" },
            Value: { type: ["string", "integer"], description: "the field's new value" },
          },
        },
      },
    },
  },
  sample: `{
"CallbackCommand": "Profile.CallbackPortraitSet",
"Operator_Account": "id1",
"From_Account": "id1",
"EventTime": 1656921052497,
"ProfileItem": [
{
"Tag": "Tag_Profile_IM_Nick",
"Value": "nick1"
},
{
"Tag": "Tag_Profile_IM_Gender",
"Value": "Gender_Type_Male"
},
{
"Tag": "Tag_Profile_IM_AllowType",
"Value": "AllowType_Type_NeedConfirm"
},
{
"Tag": "Tag_Profile_Custom_Data",
"Value": "your custom data"
}
]
}`,
  pages: { en: "https://trtc.io/document/48733", zh: "https://www.tencentcloud.com/zh/document/product/1047/48733" },
});
