import { defineCommand } from "../define.js";
import { eventTimeMs } from "./sns-c2c-fragments.js";

/**
 * A user logged in, logged out, lost the connection or set a custom status. The overview lists
 * `iOS` among the `OptPlatform` values, but this command's query carries `OptPlatform=IOS`:
 * compare platforms case-insensitively.
 */
export default defineCommand({
  command: "State.StateChange",
  kind: "after",
  summary: "a user went online or offline, or changed custom status",
  source: "https://trtc.io/document/34357",
  schema: {
    required: ["Info"],
    properties: {
      EventTime: eventTimeMs,
      Info: {
        type: "object",
        properties: {
          Action: { type: "string", description: "Login (TCP connected) | Logout (TCP closed) | Disconnect (network lost) | CustomStatusChange" },
          To_Account: { type: "string", description: "the user whose state changed" },
          Reason: {
            type: "string",
            description:
              "Login: Register (connected or reconnected); Logout: Unregister; Disconnect: LinkClose (connection closed) | TimeOut (no heartbeat for 400 s); CustomStatusChange: SetCustomStatus",
          },
          CustomStatus: { type: "string", description: "the user's custom status after the change" },
        },
      },
      KickedDevice: {
        type: "array",
        description: "only on Login (Register) when other devices were logged out",
        items: {
          type: "object",
          properties: {
            Platform: { type: "string", description: "iOS | Android | Web | Windows | iPad | Mac | Linux" },
          },
        },
      },
    },
  },
  sample: `{
"CallbackCommand": "State.StateChange",
"EventTime": 1629883332497,
"Info": {
"Action": "Login",
"To_Account": "testuser316",
"Reason": "Register"
},
"KickedDevice": [
{
"Platform": "Windows"
},
{
"Platform": "Android"
}
]
}`,
  pages: { en: "https://trtc.io/document/34357", zh: "https://www.tencentcloud.com/zh/document/product/1047/34357" },
});
