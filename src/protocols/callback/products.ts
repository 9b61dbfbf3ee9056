/**
 * Which product's callback configuration sends a command, and so whose token signs it. Chat,
 * Live, Room and Call each have their own "one callback URL per SDKAppID" setting, and Live its own
 * token (`v4/live_config/set_callback_token`, https://trtc.io/document/69528): a token configured for
 * one product must not authenticate another's commands.
 *
 * From the command lists of each configuration:
 * - Live (TUILiveKit, https://trtc.io/document/64413): `Live.*`, `Mic.*`, `Follow.*`, and the group
 *   message callbacks `Group.CallbackBeforeSendMsg` / `Group.CallbackAfterSendMsg` of its live rooms;
 * - Room (TUIRoomKit, https://trtc.io/document/60720, configured by https://trtc.io/document/60729):
 *   `Room.*` and `Mic.CallbackAfterSeatInfoChanged`;
 * - Call (TUICallKit, https://trtc.io/document/68938): `Call.*`;
 * - Chat (the console): everything else, `Follow.*` and the group message callbacks included.
 */
export const CALLBACK_PRODUCTS = ["chat", "live", "room", "call"] as const;
export type CallbackProduct = (typeof CALLBACK_PRODUCTS)[number];

const LIVE_ROOM_MESSAGES = new Set(["Group.CallbackBeforeSendMsg", "Group.CallbackAfterSendMsg"]);
const BY_PREFIX: Readonly<Record<string, readonly CallbackProduct[]>> = {
  Live: ["live"],
  Room: ["room"],
  Mic: ["room", "live"],
  Follow: ["live", "chat"],
  Call: ["call"],
};
const CHAT: readonly CallbackProduct[] = ["chat"];
const CHAT_OR_LIVE: readonly CallbackProduct[] = ["chat", "live"];

/** The products whose configuration may send `command` (its canonical name: an alias may carry another prefix). */
export function productsOf(command: string): readonly CallbackProduct[] {
  if (LIVE_ROOM_MESSAGES.has(command)) return CHAT_OR_LIVE;
  const dot = command.indexOf(".");
  return (dot > 0 ? BY_PREFIX[command.slice(0, dot)] : undefined) ?? CHAT;
}

export function isCallbackProduct(value: string): value is CallbackProduct {
  return (CALLBACK_PRODUCTS as readonly string[]).includes(value);
}
