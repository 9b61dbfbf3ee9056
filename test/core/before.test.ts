import { describe, expect, it } from "vitest";
import { allow, block, createDispatcher, type MsgElement, type WebhookErrorEvent } from "../../src/index.js";
import { APP_ID, CALLBACK_PATH, sampleOf, tencentQuery } from "../support/fixtures.js";

const GIFT = "Live.CallbackBeforeSendGift";
const MSG = "Group.CallbackBeforeSendMsg";

function send(dispatcher: ReturnType<typeof createDispatcher>, command: typeof GIFT | typeof MSG = GIFT) {
  return dispatcher.handle({ method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command })}`, body: sampleOf(command) });
}

describe("before callbacks: the handlers' return values decide the reply", () => {
  it("no handler, or handlers returning nothing: allowed", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    expect(JSON.parse((await send(dispatcher)).body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    dispatcher.on(GIFT, () => {});
    expect(JSON.parse((await send(dispatcher)).body).ErrorCode).toBe(0);
  });

  it("the first block in registration order wins, and every handler still runs", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    const ran: string[] = [];
    dispatcher.on(GIFT, () => {
      ran.push("a");
      return allow();
    });
    dispatcher.on(GIFT, async () => {
      ran.push("b");
      await new Promise((resolve) => setTimeout(resolve, 20)); // finishes last, still wins: order, not speed
      return block(20001, "Gifts are paused");
    });
    dispatcher.on(GIFT, () => {
      ran.push("c");
      return block(20002, "second block");
    });
    dispatcher.onAny(() => {
      ran.push("any");
    });
    const response = await send(dispatcher);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "Gifts are paused", ErrorCode: 20001 });
    expect(ran).toEqual(["a", "b", "c", "any"]);
  });

  it("allow(extra) fields reach the reply (e.g. a rewritten MsgBody)", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    const MsgBody: MsgElement[] = [{ MsgType: "TIMTextElem", MsgContent: { Text: "***" } }];
    dispatcher.on(MSG, () => allow({ MsgBody }));
    expect(JSON.parse((await send(dispatcher, MSG)).body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, MsgBody });
  });

  it("an invalid decision fails closed: 500, reported to onError", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    const errors: WebhookErrorEvent[] = [];
    // @ts-expect-error -- only allow(), block() or nothing
    dispatcher.on(GIFT, () => true);
    dispatcher.onError((error) => {
      errors.push(error);
    });
    const response = await send(dispatcher);
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).ErrorCode).not.toBe(0);
    expect(errors[0]!.reason).toBe("decision_invalid");
    expect(errors[0]!.message).toMatch(/must return allow\(\), block\(\), discard\(\) or nothing/);
  });

  it("an after callback ignores whatever its handlers return", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    dispatcher.on("Room.CallbackAfterDestroyRoom", () => block(1, "ignored"));
    const response = await dispatcher.handle({
      method: "POST",
      url: `/x${tencentQuery({ command: "Room.CallbackAfterDestroyRoom" })}`,
      body: sampleOf("Room.CallbackAfterDestroyRoom"),
    });
    expect(JSON.parse(response.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
  });

  it("block() and allow() refuse what Tencent could not read", () => {
    // @ts-expect-error -- 0 allows and 2 discards: block() takes neither, in the types too
    expect(() => block(0, "zero allows")).toThrow(/non-zero integer/);
    // @ts-expect-error -- see above
    expect(() => block(2, "two discards")).toThrow(/2 is discard/);
    expect(() => block(1.5)).toThrow(/non-zero integer/);
    // @ts-expect-error -- ErrorCode is not a reply field (the decision sets it)
    expect(() => allow({ ErrorCode: 1 })).toThrow(/set by the decision itself/);
  });
});

describe("Chatbot.OnC2CSignalMessage: the reply's RspData answers the chatbot", () => {
  const SIGNAL = "Chatbot.OnC2CSignalMessage";
  const sendSignal = (dispatcher: ReturnType<typeof createDispatcher>) =>
    dispatcher.handle({ method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command: SIGNAL })}`, body: sampleOf(SIGNAL) });

  it("allow({ RspData }) puts RspData in the reply, computed from the request's Data", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    dispatcher.on(SIGNAL, (event) => allow({ RspData: JSON.stringify({ echo: JSON.parse(event.payload.Data ?? "{}") }) }));
    const response = await sendSignal(dispatcher);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ActionStatus: "OK",
      ErrorInfo: "",
      ErrorCode: 0,
      RspData: '{"echo":{"msg":"This is a user-defined passthrough content"}}',
    });
  });

  it("no handler: OK without RspData", async () => {
    const response = await sendSignal(createDispatcher({ sdkAppId: APP_ID }));
    expect(JSON.parse(response.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
  });

  it("handlers that do not answer in time: OK without RspData (onTimeout allow), reported as handler_timeout", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, decisionTimeoutMs: 50 });
    const errors: WebhookErrorEvent[] = [];
    dispatcher.on(SIGNAL, () => new Promise<void>(() => {}));
    dispatcher.onError((error) => void errors.push(error));
    const response = await sendSignal(dispatcher);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    expect(errors.map((error) => error.reason)).toEqual(["handler_timeout"]);
  });

  it("a reply Tencent would misread is refused (500 decision_invalid), never sent", async () => {
    for (const decide of [() => allow({ RspData: { not: "a string" } as never }), () => allow({ MsgBody: [] })]) {
      const dispatcher = createDispatcher({ sdkAppId: APP_ID });
      const errors: WebhookErrorEvent[] = [];
      dispatcher.on(SIGNAL, decide as never);
      dispatcher.onError((error) => void errors.push(error));
      const response = await sendSignal(dispatcher);
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body)).not.toHaveProperty("RspData");
      expect(errors.map((error) => error.reason)).toEqual(["decision_invalid"]);
    }
  });
});
