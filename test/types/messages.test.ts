/**
 * Chat message elements are typed per `MsgType` (src/types/message.ts), and a "before" message
 * handler can hand the payload's own elements back in `allow({ MsgBody })`. Checked by `tsc --noEmit`.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  allow,
  createDispatcher,
  type C2CBeforeSendMsgPayload,
  type CustomContent,
  type DecisionByReply,
  type MessageDecision,
  type MsgElement,
  type TextContent,
} from "../../src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });
/** A user's own filter: whatever it takes, it gives back. */
declare function clean<T>(body: T): T;

describe("message elements", () => {
  it("the payload's MsgBody holds typed elements; MsgType narrows MsgContent", () => {
    expectTypeOf<NonNullable<C2CBeforeSendMsgPayload["MsgBody"]>[number]>().toEqualTypeOf<MsgElement>();
    webhooks.on("C2C.CallbackAfterSendMsg", (event) => {
      for (const element of event.payload.MsgBody ?? []) {
        if (element.MsgType === "TIMTextElem") expectTypeOf(element.MsgContent).toEqualTypeOf<TextContent>();
        if (element.MsgType === "TIMCustomElem") expectTypeOf(element.MsgContent).toEqualTypeOf<CustomContent>();
        if (element.MsgType === "TIMImageElem") expectTypeOf(element.MsgContent.ImageInfoArray[0]?.URL).toEqualTypeOf<string | undefined>();
        // @ts-expect-error -- a text element has no Data
        if (element.MsgType === "TIMTextElem") void element.MsgContent.Data;
      }
    });
  });

  it("allow() takes the payload's own MsgBody back, cleaned or as is", () => {
    webhooks.on("C2C.CallbackBeforeSendMsg", (event) => allow({ MsgBody: clean(event.payload.MsgBody) }));
    webhooks.on("Group.CallbackBeforeSendMsg", (event) => allow({ MsgBody: event.payload.MsgBody, CloudCustomData: event.payload.CloudCustomData }));
    webhooks.on("C2C.CallbackBeforeSendMsg", (event) =>
      allow({ MsgBody: (event.payload.MsgBody ?? []).filter((element) => element.MsgType !== "TIMCustomElem") }),
    );
    webhooks.on("C2C.CallbackBeforeSendMsg", () => allow({ MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "***" } }] }));
  });

  it("a new element must fit its MsgType's content", () => {
    // @ts-expect-error -- a text element's content is { Text }
    allow({ MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Data: "x" } }] });
    // @ts-expect-error -- no such MsgType
    allow({ MsgBody: [{ MsgType: "TIMTextElement", MsgContent: { Text: "x" } }] });
  });

  it("each reply kind has a named decision type", () => {
    expectTypeOf<DecisionByReply["message"]>().toEqualTypeOf<MessageDecision>();
    type Handler = Parameters<typeof webhooks.on<"C2C.CallbackBeforeSendMsg">>[1];
    expectTypeOf<ReturnType<Handler>>().toEqualTypeOf<MessageDecision | void | Promise<MessageDecision | void>>();
  });
});
