/**
 * Tencent's types drift from its pages: an authenticated callback whose booleans or event numbers
 * arrive as strings is coerced and delivered to its typed handler, through handle() as sent.
 */
import { describe, expect, it } from "vitest";
import { createDispatcher, createTrtcDispatcher } from "../../src/index.js";
import { signedRequest, trtcRequest } from "../../src/testing/index.js";

const APP = 1400000000;

describe("coercion of drifted types (through handle())", () => {
  it('"IsSeatEnabled": "false" and 1/0 booleans reach the typed Live handler as booleans', async () => {
    const webhooks = createDispatcher({ sdkAppId: APP, token: "tok" });
    const seen: unknown[] = [];
    webhooks.on("Live.CallbackAfterCreateRoom", (event) => {
      seen.push([event.payload.RoomInfo?.IsSeatEnabled, event.payload.RoomInfo?.IsMessageDisabled]);
    });
    const invalid: unknown[] = [];
    webhooks.onInvalid((notice) => void invalid.push(notice.schemaErrors));
    const body = `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{"RoomId":"r1","Owner_Account":"u","IsSeatEnabled":"false","IsMessageDisabled":1}}`;
    const response = await webhooks.handle(signedRequest("Live.CallbackAfterCreateRoom", body as never, { sdkAppId: APP, token: "tok" }));
    expect(response.status).toBe(200);
    expect(invalid).toEqual([]);
    expect(seen).toEqual([[false, true]]);
  });

  it('a word that is not a boolean ("no") is not coerced: quarantined when signed, 400 when not', async () => {
    const body = `{"CallbackCommand":"Live.CallbackAfterCreateRoom","RoomInfo":{"RoomId":"r1","IsSeatEnabled":"no"}}`;
    const signed = createDispatcher({ sdkAppId: APP, token: "tok" });
    const invalid: string[] = [];
    signed.onInvalid((notice) => void invalid.push(notice.schemaErrors[0]?.instancePath ?? ""));
    expect((await signed.handle(signedRequest("Live.CallbackAfterCreateRoom", body as never, { sdkAppId: APP, token: "tok" }))).status).toBe(200);
    expect(invalid).toEqual(["/RoomInfo/IsSeatEnabled"]);
    const unsigned = createDispatcher({ sdkAppId: APP });
    unsigned.onError(() => undefined);
    expect((await unsigned.handle(signedRequest("Live.CallbackAfterCreateRoom", body as never, { sdkAppId: APP }))).status).toBe(400);
  });

  it('TRTC "EventGroupId": "1", "EventType": "103" routes to EnterRoom and validates', async () => {
    const trtc = createTrtcDispatcher({ sdkAppId: APP, key: "k" });
    const seen: unknown[] = [];
    trtc.on("EnterRoom", (event) => void seen.push([event.payload.EventGroupId, event.payload.EventType, event.payload.EventInfo.UserId]));
    const invalid: unknown[] = [];
    trtc.onInvalid((notice) => void invalid.push(notice));
    const body = `{"EventGroupId":"1","EventType":"103","CallbackTs":1687770730166,"EventInfo":{"RoomId":12345,"EventTs":1687770730,"EventMsTs":1687770730160,"UserId":"u1","Role":20,"TerminalType":3,"UserType":3,"Reason":1}}`;
    const response = await trtc.handle(trtcRequest("EnterRoom", body as never, { sdkAppId: APP, key: "k" }));
    expect(response.status).toBe(200);
    expect(invalid).toEqual([]);
    expect(seen).toEqual([[1, 103, "u1"]]);
  });
});
