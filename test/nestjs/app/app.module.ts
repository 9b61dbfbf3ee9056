/**
 * A Nest application as users write one: TencentWebhooksModule, a provider whose decorated methods
 * handle callbacks (one returns a "before" decision), a provider that injects a dispatcher for
 * onError, and a JSON controller of the app's own that Nest's body parser must keep serving.
 */
import "reflect-metadata";
import { Body, Controller, Injectable, Module, Post, type DynamicModule } from "@nestjs/common";
import { block, type WebhookErrorEvent, type TrtcDispatcher } from "../../../src/index.js";
import {
  InjectDispatcher,
  OnCssEvent,
  OnTencentCallback,
  OnTrtcEvent,
  TencentWebhooksModule,
  type CssEvent,
  type TencentCallbackEvent,
  type TrtcEvent,
} from "../../../adapters/nestjs/index.js";

export const APP_ID = "1400000000";
export const TOKEN = "xxxxyyyy";
export const TRTC_KEY = "trtckey123";
export const CSS_KEY = "csskey123";

/** What the handlers saw, in order. */
export const seen: { command: string; value: unknown }[] = [];
export const errors: WebhookErrorEvent[] = [];

@Injectable()
export class TencentHandlers {
  @OnTencentCallback("Live.CallbackAfterDestroyRoom")
  roomDestroyed(event: TencentCallbackEvent<"Live.CallbackAfterDestroyRoom">) {
    seen.push({ command: event.command, value: event.payload.RoomInfo?.Owner_Account });
  }

  @OnTencentCallback("C2C.CallbackBeforeSendMsg")
  moderate(event: TencentCallbackEvent<"C2C.CallbackBeforeSendMsg">) {
    seen.push({ command: event.command, value: event.payload.From_Account });
    return block(120001, "moderated by Nest");
  }

  @OnTrtcEvent("EnterRoom")
  entered(event: TrtcEvent<"EnterRoom">) {
    seen.push({ command: event.command, value: event.payload.EventInfo.UserId });
  }

  @OnCssEvent("PushBegin")
  pushed(event: CssEvent<"PushBegin">) {
    seen.push({ command: event.command, value: event.payload.stream_id });
  }
}

@Injectable()
export class TrtcErrors {
  constructor(@InjectDispatcher("trtc") trtc: TrtcDispatcher) {
    trtc.onError((error) => {
      errors.push(error);
    });
  }
}

@Controller("api")
export class EchoController {
  @Post("echo")
  echo(@Body() body: unknown) {
    return { parsedByNest: body };
  }
}

const OPTIONS = {
  callback: { path: "/tencent/callback", sdkAppId: APP_ID, token: TOKEN },
  trtc: { path: "/tencent/trtc", sdkAppId: APP_ID, key: TRTC_KEY },
  css: { path: "/tencent/css", key: CSS_KEY },
};

/** The app's root module; `async` builds it with forRootAsync (a factory), as apps reading config do. */
export function appModule(how: "sync" | "async"): new () => object {
  const webhooks: DynamicModule =
    how === "sync" ? TencentWebhooksModule.forRoot(OPTIONS) : TencentWebhooksModule.forRootAsync({ useFactory: async () => OPTIONS });
  @Module({ imports: [webhooks], controllers: [EchoController], providers: [TencentHandlers, TrtcErrors] })
  class AppModule {}
  return AppModule;
}
