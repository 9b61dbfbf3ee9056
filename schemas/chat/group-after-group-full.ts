import { defineCommand } from "../define.js";
import { groupId } from "./group-fragments.js";

export default defineCommand({
  command: "Group.CallbackAfterGroupFull",
  kind: "after",
  summary: "a group reached its member limit",
  source: "https://trtc.io/document/34376",
  schema: {
    required: ["GroupId"],
    properties: {
      GroupId: { ...groupId, description: "the group that is full" },
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterGroupFull",
"GroupId": "@TGS#2J4SZEAEL"
}`,
  pages: { en: "https://trtc.io/document/34376" },
});
