/**
 * The framework-free half of every example: one dispatcher with typed handlers. This is the code
 * you write once; each framework example only mounts it.
 * In your app, import from "tencent-webhooks" instead of "../src/index.js".
 */
import {
  allow,
  block,
  createCssDispatcher,
  createDispatcher,
  createTrtcDispatcher,
  type CssDispatcher,
  type Dispatcher,
  type SharedOptions,
  type TrtcDispatcher,
} from "../src/index.js";
import type { ExampleConfig, Log } from "./config.js";

/** Gifts worth more than this are refused (a made-up rule, to show a decision). */
export const MAX_GIFT_COINS = 50_000;

export function createWebhooks(config: ExampleConfig, log: Log, extra: Pick<SharedOptions, "queue"> = {}): Dispatcher {
  // An empty TENCENT_CALLBACK_TOKEN= means "not set", here and in the CLI: said once, at start-up.
  if (config.token === undefined) log("no TENCENT_CALLBACK_TOKEN: accepting unsigned callbacks (set it to your console's callback token)");
  const webhooks = createDispatcher({ sdkAppId: config.sdkAppId, token: config.token, ...extra });

  webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
    const { RoomId, EventType, RoomInfo } = event.payload;
    // A 64-bit ID: typed `string`, delivered exactly ("144115216631667826"), never a rounded number.
    const owner = RoomInfo?.Owner_Account;
    log(`live room ${RoomId} destroyed (${EventType ?? "?"}); Owner_Account ${JSON.stringify(owner)} (${typeof owner})`);
  });

  webhooks.on("Live.CallbackAfterCreateRoomReachingThreshold", (event) => {
    const { CurRoomCount, MaxRoomCount } = event.payload; // numbers, even when Tencent sends "400"; optional, as every field but the ids
    if (CurRoomCount === undefined || !MaxRoomCount) return log(`room quota warning: ${CurRoomCount ?? "?"} of ${MaxRoomCount ?? "?"} rooms created`);
    log(`room quota warning: ${CurRoomCount} of ${MaxRoomCount} rooms created (${Math.round((100 * CurRoomCount) / MaxRoomCount)}%)`);
  });

  webhooks.on("Room.CallbackAfterDestroyRoom", (event) => {
    log(`conference room ${event.payload.RoomId} destroyed by ${event.payload.Operator_Account ?? "?"}`);
  });

  // A "before" callback: the handler's return value is the reply, and a block stops the gift.
  webhooks.on("Live.CallbackBeforeSendGift", (event) => {
    const { From_Account, GiftId, Count = 1, Coins = 0 } = event.payload.GiftWater;
    const total = Count * Coins;
    if (total > MAX_GIFT_COINS) {
      log(`gift ${GiftId ?? "?"} x${Count} (${total} coins) from ${From_Account ?? "?"}: blocked`);
      return block(102100, "gift over the limit"); // 102100-102200 reach the sender's client
    }
    log(`gift ${GiftId ?? "?"} x${Count} (${total} coins) from ${From_Account ?? "?"}: allowed`);
    return allow();
  });

  // Every accepted callback, including commands this package does not know yet.
  webhooks.onAny((event) => {
    log(`${event.command} accepted (SdkAppid ${event.sdkAppId}, ClientIP ${event.clientIp ?? "-"}, OptPlatform ${event.optPlatform ?? "-"})`);
  });

  // Every refused or failed callback: Tencent does not retry, so this is your only record of it.
  webhooks.onError((error) => {
    // A refusal before the body is read (SdkAppid, signature) knows the command from the query only.
    const command = error.command ?? error.request.query.callbackcommand ?? "callback";
    log(`${command} REJECTED ${error.status} ${error.reason}: ${error.message}`);
  });

  return webhooks;
}

/** TRTC event callbacks (their own console, URL and key): typed by event name or number. */
export function createTrtcWebhooks(config: ExampleConfig, key: string, log: Log): TrtcDispatcher {
  const trtc = createTrtcDispatcher({ sdkAppId: config.sdkAppId, key });
  trtc.on(["EnterRoom", "ExitRoom"], (event) => {
    log(`trtc ${event.command}: ${event.payload.EventInfo.UserId ?? "?"} in room ${event.payload.EventInfo.RoomId}`);
  });
  trtc.on("StopAudio", (event) => log(`trtc StopAudio: ${event.payload.EventInfo.UserId ?? "?"} in room ${event.payload.EventInfo.RoomId}`));
  trtc.onError((error) => log(`trtc ${error.command ?? "event"} REJECTED ${error.status} ${error.reason}: ${error.message}`));
  return trtc;
}

/** CSS streaming callbacks: `t` and `sign` in the body are checked before any handler runs. */
export function createCssWebhooks(key: string, log: Log): CssDispatcher {
  const css = createCssDispatcher({ key });
  css.on("PushBegin", (event) => log(`css PushBegin: stream ${event.payload.stream_id} from ${event.payload.user_ip ?? "?"}`));
  css.onError((error) => log(`css ${error.command ?? "event"} REJECTED ${error.status} ${error.reason}: ${error.message}`));
  return css;
}
