import { afterAll, describe, expect, it } from "vitest";
import { CALLBACK_PATH, recordingDispatcher } from "../support/fixtures.js";
import { ADAPTERS, closeAllServers, send, startAdapter } from "../support/servers.js";
import { adapterCases } from "./adapter-cases.js";
import { cases, type ConformanceCase } from "./cases.js";
import { expectOutcome } from "../support/outcome.js";

/** THE table, plus the HTTP-only cases, through every adapter over real HTTP. */
const table = [...cases, ...adapterCases];

afterAll(closeAllServers);

/** What `handle()` itself answers: every adapter must send exactly this status and body. */
const coreAnswers = new Map<ConformanceCase, Promise<{ status: number; body: string }>>();
function coreAnswer(testCase: ConformanceCase) {
  let answer = coreAnswers.get(testCase);
  if (!answer) {
    const { dispatcher } = recordingDispatcher(testCase.options, testCase.behaviour);
    const { method = "POST", query, contentType = "application/json", body } = testCase.request;
    answer = dispatcher.handle({ method, url: `${CALLBACK_PATH}${query}`, headers: contentType === null ? {} : { "content-type": contentType }, body });
    coreAnswers.set(testCase, answer);
  }
  return answer;
}

describe.each(ADAPTERS)("conformance table over HTTP: %s", (adapter) => {
  it.each(table.map((c) => [c.name, c] as const))("%s", async (_name, testCase) => {
    const { dispatcher, recorded } = recordingDispatcher(testCase.options, testCase.behaviour);
    const server = await startAdapter(adapter, dispatcher);
    try {
      const { method = "POST", query, contentType = "application/json", body } = testCase.request;
      const answer = await send(server.origin, { method, path: `${CALLBACK_PATH}${query}`, contentType, body });
      const contentTypeHeader = answer.headers["content-type"] ?? null;
      expectOutcome(testCase, { status: answer.status, contentType: contentTypeHeader, body: answer.body }, recorded);
      const core = await coreAnswer(testCase);
      expect({ status: answer.status, body: answer.body }).toEqual({ status: core.status, body: core.body });
    } finally {
      await server.close();
    }
  });
});
