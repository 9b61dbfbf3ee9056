import { expect } from "vitest";
import type { DeadLetterReason } from "../../src/delivery/contract.js";
import type { Recorded } from "./fixtures.js";
import type { ConformanceCase } from "../conformance/cases.js";

export interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

/** One assertion for every runner (core and adapters), so "the same answer" means the same checks. */
export function expectOutcome(testCase: ConformanceCase, answer: Answer, recorded: Recorded): void {
  const { expect: want } = testCase;
  expect(answer.status, answer.body).toBe(want.status);
  expect(answer.contentType).toMatch(/^application\/json/);
  const reply = JSON.parse(answer.body) as { ActionStatus: string; ErrorInfo: string; ErrorCode: number };
  if (!want.reply) expect(Object.keys(reply).sort()).toEqual(["ActionStatus", "ErrorCode", "ErrorInfo"]);
  if (want.reply) {
    expect(reply).toEqual(want.reply);
  } else if (want.status === 200) {
    expect(reply).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
  } else {
    expect(reply.ActionStatus).toBe("FAIL");
    expect(reply.ErrorCode).toBe(want.status);
    if (want.errorInfo !== undefined) expect(reply.ErrorInfo).toMatch(want.errorInfo);
    expect(reply.ErrorInfo).not.toMatch(/\bat .+:\d+:\d+|xxxxyyyy/); // no stack, no token
  }
  expect(recorded.on.length, "on() calls").toBe(want.on);
  expect(recorded.any.length, "onAny() calls").toBe(want.any);
  expect(recorded.errors.map((error) => error.reason)).toEqual(want.errors);
  expect(
    recorded.invalid.map((invalid) => invalid.command),
    "onInvalid calls",
  ).toEqual(want.invalid ?? []);
  for (const error of recorded.errors) expect(error.status).toBe(want.status);
  expectDeadLetters(want.failed, recorded);
  want.check?.({ payload: recorded.on[0]?.payload ?? recorded.any[0]?.payload, command: recorded.on[0]?.command, invalid: recorded.invalid[0] });
}

/** Queued runs: the dead letters' reasons once the worker finished (none for an inline run). */
export function expectDeadLetters(want: readonly DeadLetterReason[] | undefined, recorded: Recorded): void {
  expect(
    (recorded.failed ?? []).map((dead) => dead.reason),
    "dead letters",
  ).toEqual(want ?? []);
}
