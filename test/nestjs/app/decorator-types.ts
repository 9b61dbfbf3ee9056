/**
 * Type tests for the handler decorators (checked by test/nestjs/types.test.ts with this folder's
 * tsconfig, experimentalDecorators on): a method whose parameter or decision does not fit the
 * decorator's command is a compile error.
 */
import { Injectable } from "@nestjs/common";
import { allow, block, discard } from "../../../src/index.js";
import { OnCssEvent, OnTencentCallback, OnTrtcEvent, type CssEvent, type TencentCallbackEvent, type TrtcEvent } from "../../../adapters/nestjs/index.js";

@Injectable()
export class Fits {
  @OnTrtcEvent("EnterRoom")
  entered(event: TrtcEvent<"EnterRoom">) {
    return event.payload.EventInfo.UserId; // after handlers may return anything
  }

  @OnTrtcEvent(103)
  byCode(event: TrtcEvent<103>) {}

  @OnCssEvent(["PushBegin", "PushEnd"])
  pushes(event: CssEvent<"PushBegin" | "PushEnd">) {}

  @OnTencentCallback("C2C.CallbackBeforeSendMsg")
  async moderate(event: TencentCallbackEvent<"C2C.CallbackBeforeSendMsg">) {
    return event.payload.From_Account === "spam" ? discard() : allow({ MsgBody: event.payload.MsgBody });
  }

  @OnTencentCallback("Live.CallbackAfterDestroyRoom")
  untyped() {}
}

@Injectable()
export class DoesNotFit {
  // @ts-expect-error -- the parameter is another event's
  @OnTrtcEvent("EnterRoom")
  wrongEvent(event: TrtcEvent<"ExitRoom">) {}

  // @ts-expect-error -- a callback command's event on a TRTC decorator
  @OnTrtcEvent("EnterRoom")
  wrongProtocol(event: TencentCallbackEvent<"Live.CallbackAfterDestroyRoom">) {}

  // @ts-expect-error -- 5 is not a message callback's reject code
  @OnTencentCallback("C2C.CallbackBeforeSendMsg")
  wrongDecision() {
    return block(5);
  }

  @OnTencentCallback("Live.CallbackBeforeSendGift")
  // @ts-expect-error -- no such command
  @OnTencentCallback("Live.CallbackBeforeSendGiftt")
  misspelt() {}
}
