import { describe, expect, it } from "vitest";
import { createDispatcher, type DispatcherOptions } from "../../src/index.js";

describe("createDispatcher options", () => {
  it.each<[string, unknown, RegExp]>([
    ["no options", undefined, /needs an options object/],
    ["missing sdkAppId", {}, /`sdkAppId` must be your SDKAppID/],
    ["non-digit sdkAppId", { sdkAppId: "14000abc" }, /`sdkAppId`/],
    ["leading-zero sdkAppId", { sdkAppId: "01400000000" }, /`sdkAppId`/],
    ["negative sdkAppId", { sdkAppId: -1 }, /`sdkAppId`/],
    ["empty token", { sdkAppId: 1, token: "" }, /`token` must be non-empty strings/],
    ["zero body limit", { sdkAppId: 1, maxBodyBytes: 0 }, /`maxBodyBytes` must be a positive integer/],
    ["fractional timeout", { sdkAppId: 1, handlerTimeoutMs: 1.5 }, /`handlerTimeoutMs`/],
    ["negative tolerance", { sdkAppId: 1, signatureToleranceSeconds: -1 }, /`signatureToleranceSeconds`/],
    ["bad unknownCommands", { sdkAppId: 1, unknownCommands: "drop" }, /`unknownCommands` must be "accept" or "reject"/],
    ["bad invalidPayloads", { sdkAppId: 1, invalidPayloads: "drop" }, /`invalidPayloads` must be "quarantine" or "reject"/],
    ["a typo", { sdkAppID: 1 }, /unknown option `sdkAppID`/],
  ])("%s", (_name, options, message) => {
    expect(() => createDispatcher(options as DispatcherOptions)).toThrow(message);
  });

  it("accepts a number or a digit string and resolves defaults", () => {
    expect(createDispatcher({ sdkAppId: 1400000000 }).options).toEqual({
      protocol: "callback",
      sdkAppId: "1400000000",
      sdkAppIds: ["1400000000"],
      signed: false,
      queued: false,
      maxBodyBytes: 1024 * 1024,
      bodyTimeoutMs: 10_000,
      signatureToleranceSeconds: 60,
      handlerTimeoutMs: 2000,
      decisionTimeoutMs: 1500,
      unknownCommands: "accept",
      invalidPayloads: "quarantine",
    });
    expect(createDispatcher({ sdkAppId: "1400000000", token: "t" }).options.signed).toBe(true);
  });

  it("never exposes the token", () => {
    expect(JSON.stringify(createDispatcher({ sdkAppId: 1, token: "secret-token" }).options)).not.toContain("secret-token");
  });
});
