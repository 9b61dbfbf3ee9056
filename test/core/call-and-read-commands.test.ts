/**
 * What the Call (TUICallKit), read-receipt, read-all and edited-group-message commands do beyond
 * the catalogue's checks: the natural idempotency key each declares (a resent callback is the same
 * key, the next state change of the same call or message is not), the 64-bit user IDs of
 * Call.CallbackAfterStartCall as exact strings, and the recording command's two names.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { registry, type KnownCommand } from "../../schemas/index.js";
import { createDispatcher, type AnyWebhookEvent, type WebhookRequest } from "../../src/index.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, SILENT_LOGGER, tencentQuery } from "../support/fixtures.js";

function request(command: string, body: string): WebhookRequest {
  return { method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command })}`, headers: { "content-type": "application/json" }, body };
}

async function deliver(command: string, body: string): Promise<AnyWebhookEvent> {
  const webhooks = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS, logger: SILENT_LOGGER });
  const events: AnyWebhookEvent[] = [];
  webhooks.onAny((event) => void events.push(event));
  const response = await webhooks.handle(request(command, body));
  expect(response.status).toBe(200);
  expect(events).toHaveLength(1);
  return events[0]!;
}

const sample = (command: KnownCommand) => registry.get(command)!.sample;

describe("natural idempotency keys", () => {
  it.each([
    ["Call.CallbackAfterStartCall", 'callback:Call.CallbackAfterStartCall:"055662e1-bc8a-469c-a334-1126c8c17d58"'],
    ["Call.CallbackAfterEndCall", 'callback:Call.CallbackAfterEndCall:"055662e1-bc8a-469c-a334-1126c8c17d58"'],
    ["Call.CallbackAfterMemberChanged", 'callback:Call.CallbackAfterMemberChanged:"055662e1-bc8a-469c-a334-1126c8c17d58"|1740464128807'],
    [
      "Call.CallbackAfterRecordChanged",
      'callback:Call.CallbackAfterRecordChanged:"f6273604-3806-4abb-bc7e-090cd9208ee6"|301|"-nHuqHlU7islZCDCjMne7HY2TJoU1NbbDkHjVoK-yqHu8ZWQndibQJtEhvB6ShqolkmNmnxz7AE."|1774425607077',
    ],
    ["C2C.CallbackAfterMsgReadReceipt", 'callback:C2C.CallbackAfterMsgReadReceipt:"jared"|"Jonh"|1769139587754'],
    ["C2C.CallbackAfterMsgReadAll", 'callback:C2C.CallbackAfterMsgReadAll:"Jonh"|1769773302575'],
    ["Group.CallbackAfterModifyMsg", 'callback:Group.CallbackAfterModifyMsg:"@TGS#2J4SZEAEL"|123|1769772027036'],
  ] as const)("%s: its sample's key is built from the payload's identifying fields", async (command, key) => {
    const event = await deliver(command, sample(command));
    expect(event.command).toBe(command);
    expect(event.dedupeKey).toBe(key);
  });

  it("the next state change of the same call is another callback; a resent one is the same", async () => {
    const text = sample("Call.CallbackAfterMemberChanged");
    const first = await deliver("Call.CallbackAfterMemberChanged", text);
    const resent = await deliver("Call.CallbackAfterMemberChanged", ` ${text}`);
    const next = await deliver(
      "Call.CallbackAfterMemberChanged",
      text.replace('"ActionType":"Answer"', '"ActionType":"Hangup"').replace("1740464128807", "1740464190000"),
    );
    expect(resent.dedupeKey).toBe(first.dedupeKey);
    expect(next.dedupeKey).not.toBe(first.dedupeKey);
  });
});

describe("Call.CallbackAfterStartCall", () => {
  it("delivers the members' bare 64-bit User_Account numbers as their exact decimal strings", async () => {
    const webhooks = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS, logger: SILENT_LOGGER });
    const accounts: string[] = [];
    webhooks.on("Call.CallbackAfterStartCall", (event) => {
      expectTypeOf(event.payload.CallInfo.CallId).toEqualTypeOf<string>();
      for (const user of event.payload.UserList ?? []) accounts.push(user.User_Account!);
    });
    const response = await webhooks.handle(request("Call.CallbackAfterStartCall", sample("Call.CallbackAfterStartCall")));
    expect(response.status).toBe(200);
    expect(accounts).toEqual(["144115212830834855", "144115212948889925"]);
  });
});

describe("Live.CallbackAfterCloudRecordingChanged (canonical) and Follow.CallbackAfterCloudRecordingChanged (alias)", () => {
  it.each(["Live.CallbackAfterCloudRecordingChanged", "Follow.CallbackAfterCloudRecordingChanged"] as const)(
    "a body named %s reaches handlers registered under either name",
    async (sent) => {
      const webhooks = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS, logger: SILENT_LOGGER });
      const seen: string[] = [];
      webhooks.on("Live.CallbackAfterCloudRecordingChanged", (event) => {
        expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackAfterCloudRecordingChanged">();
        seen.push(`live:${event.payload.EventInfo.TaskId}`);
      });
      webhooks.on("Follow.CallbackAfterCloudRecordingChanged", (event) => void seen.push(`follow:${event.command}`));
      const body = sample("Live.CallbackAfterCloudRecordingChanged").replace(/"(Follow|Live)\.CallbackAfterCloudRecordingChanged"/, `"${sent}"`);
      const response = await webhooks.handle(request(sent, body));
      expect(response.status).toBe(200);
      expect(seen).toEqual(["live:-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE", "follow:Live.CallbackAfterCloudRecordingChanged"]);
    },
  );
});
