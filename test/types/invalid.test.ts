/**
 * Type tests for quarantine: `onInvalid` (every dispatcher), its event, `removeListener("invalid")`,
 * the `invalidPayloads` option and what a dead letter says. Checked by `tsc --noEmit`.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  createCssDispatcher,
  createDispatcher,
  createTrtcDispatcher,
  type DeadLetterReason,
  type FailedCallback,
  type InvalidHandler,
  type InvalidPayloadEvent,
  type ReceivedRequest,
  type SchemaError,
} from "../../src/index.js";

describe("onInvalid", () => {
  it("hands every dispatcher an untyped, quarantined payload with its schema errors", () => {
    const handler: InvalidHandler = (invalid) => {
      expectTypeOf(invalid.reason).toEqualTypeOf<"schema_invalid">();
      expectTypeOf(invalid.protocol).toEqualTypeOf<"callback" | "trtc" | "css">();
      expectTypeOf(invalid.command).toEqualTypeOf<string>();
      expectTypeOf(invalid.payload).toEqualTypeOf<Record<string, unknown>>();
      expectTypeOf(invalid.schemaErrors).toEqualTypeOf<SchemaError[]>();
      expectTypeOf(invalid.request).toEqualTypeOf<ReceivedRequest>();
      expectTypeOf(invalid.dedupeKey).toEqualTypeOf<string>();
      expectTypeOf(invalid.attempt).toEqualTypeOf<number>();
    };
    const webhooks = createDispatcher({ sdkAppId: 1400000000, token: "t", invalidPayloads: "quarantine" });
    expectTypeOf(webhooks.onInvalid(handler)).toEqualTypeOf(webhooks);
    expectTypeOf(webhooks.removeListener("invalid", handler)).toEqualTypeOf(webhooks);
    createTrtcDispatcher({ sdkAppId: 1400000000, key: "k", invalidPayloads: "reject" }).onInvalid(async (invalid) => {
      expectTypeOf(invalid).toEqualTypeOf<InvalidPayloadEvent>();
    });
    createCssDispatcher({ key: "k" }).onInvalid(handler);
    expectTypeOf(webhooks.options.invalidPayloads).toEqualTypeOf<"quarantine" | "reject">();
  });

  it("rejects what is not an option or a listener name", () => {
    // Type checks only: never run (the bad option would throw).
    const never = () => {
      // @ts-expect-error -- "quarantine" or "reject" only
      createDispatcher({ sdkAppId: 1, invalidPayloads: "drop" });
    };
    expectTypeOf(never).toBeFunction();
    // @ts-expect-error -- an invalid handler returns nothing that matters, and takes the invalid event
    createDispatcher({ sdkAppId: 1 }).onInvalid((invalid: { payload: { RoomId: string } }) => invalid);
    // @ts-expect-error -- not a listener name
    createDispatcher({ sdkAppId: 1 }).removeListener("invalids", () => {});
  });

  it("a dead letter says why it is one", () => {
    expectTypeOf<FailedCallback["reason"]>().toEqualTypeOf<DeadLetterReason>();
    expectTypeOf<DeadLetterReason>().toEqualTypeOf<"handler_failed" | "schema_invalid">();
    expectTypeOf<FailedCallback["schemaErrors"]>().toEqualTypeOf<SchemaError[] | undefined>();
  });
});
