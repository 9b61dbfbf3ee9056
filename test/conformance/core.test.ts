import { describe, it } from "vitest";
import { CALLBACK_PATH, recordingDispatcher } from "../support/fixtures.js";
import { cases } from "./cases.js";
import { expectOutcome } from "../support/outcome.js";

describe("conformance table through handle()", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, testCase) => {
    const { dispatcher, recorded } = recordingDispatcher(testCase.options, testCase.behaviour);
    const { method = "POST", query, contentType = "application/json", body } = testCase.request;
    const response = await dispatcher.handle({
      method,
      url: `${CALLBACK_PATH}${query}`,
      headers: contentType === null ? {} : { "Content-Type": contentType },
      body,
    });
    expectOutcome(testCase, { status: response.status, contentType: response.headers["content-type"] ?? null, body: response.body }, recorded);
  });
});
