import { allow, block, createDispatcher, signedQuery, type DispatcherOptions, type InvalidPayloadEvent, type WebhookErrorEvent } from "../../src/index.js";
import type { AnyWebhookEvent } from "../../src/types.js";
import { registry, type BeforeCommand, type KnownCommand } from "../../schemas/index.js";
import type { FailedCallback } from "../../src/delivery/contract.js";

export const APP_ID = "1400000000";
export const TOKEN = "xxxxyyyy";
/** A fixed clock: tests never depend on the wall clock. */
export const NOW_MS = 1_700_000_000_000;
export const CALLBACK_PATH = "/tencent/callback";
/** For dispatchers whose refusals are the point of the test: without onError they would reach the console. */
export const SILENT_LOGGER = { warn: () => {}, error: () => {} } as const;

export function sampleOf(command: KnownCommand): string {
  return registry.get(command)!.sample;
}

export interface QueryOptions {
  /** `null` leaves SdkAppid out. */
  sdkAppId?: string | null;
  command?: string | undefined;
  /** `true`: sign with TOKEN at NOW_MS; or explicit values. */
  sign?: boolean | { Sign?: string; RequestTime?: string };
  extra?: string;
}

/** The query string Tencent sends: SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform (+ Sign, RequestTime). */
export function tencentQuery({ sdkAppId = APP_ID, command, sign, extra }: QueryOptions = {}): string {
  const params = new URLSearchParams();
  if (sdkAppId !== null) params.set("SdkAppid", sdkAppId);
  if (command !== undefined) params.set("CallbackCommand", command);
  params.set("contenttype", "json");
  params.set("ClientIP", "203.0.113.7");
  params.set("OptPlatform", "IOS");
  const signature = sign === true ? signedQuery(TOKEN, NOW_MS) : sign || undefined;
  if (signature?.Sign !== undefined) params.set("Sign", signature.Sign);
  if (signature?.RequestTime !== undefined) params.set("RequestTime", signature.RequestTime);
  return `?${params.toString()}${extra ?? ""}`;
}

export interface Recorded {
  on: AnyWebhookEvent[];
  any: AnyWebhookEvent[];
  errors: WebhookErrorEvent[];
  /** Quarantined: authenticated callbacks whose payload failed its schema (`onInvalid`). */
  invalid: InvalidPayloadEvent[];
  /** Queued runs: the queue's dead letters once its worker finished (see `TableRun.make`'s `settle`). */
  failed?: FailedCallback[];
}

export type HandlerBehaviour = "record" | "throw" | "hang" | "block" | "signal";

export const BLOCK = { code: 10001, message: "Not enough coins" } as const;

/**
 * A dispatcher whose handlers record what they saw. `behaviour` makes the first `on` handler
 * throw or hang (never resolve), to prove the others still run, or, for "before" commands,
 * block the action with BLOCK, or ("signal") answer the chatbot's pass-through `Data` with
 * `RspData` = `answer:` + `Data`.
 */
export function recordingDispatcher(options: Partial<DispatcherOptions> = {}, behaviour: HandlerBehaviour = "record") {
  const recorded: Recorded = { on: [], any: [], errors: [], invalid: [] };
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS, ...options });
  const commands = [...registry.keys()] as KnownCommand[];
  if (behaviour === "throw") {
    dispatcher.on(commands, () => {
      throw new Error("handler exploded");
    });
  }
  if (behaviour === "hang") dispatcher.on(commands, () => new Promise<void>(() => {}));
  if (behaviour === "block") {
    const before = commands.filter((command) => registry.get(command)!.kind === "before") as BeforeCommand[];
    dispatcher.on(before, async () => block(BLOCK.code, BLOCK.message));
  }
  if (behaviour === "signal") dispatcher.on("Chatbot.OnC2CSignalMessage", (event) => allow({ RspData: `answer:${event.payload.Data}` }));
  dispatcher.on(commands, (event) => {
    // Payload types are exact interfaces (no index signature): an event of one command is not a
    // Record<string, unknown> to TypeScript, so the recorder widens it explicitly.
    recorded.on.push(event as unknown as AnyWebhookEvent);
  });
  dispatcher.onAny((event) => {
    recorded.any.push(event);
  });
  dispatcher.onError((error) => {
    recorded.errors.push(error);
  });
  dispatcher.onInvalid((invalid) => {
    recorded.invalid.push(invalid);
  });
  return { dispatcher, recorded };
}
