/**
 * A "before" callback's reply from its handlers' decisions: the first block (or discard) in
 * registration order wins; allowed replies merge in order. A decision the command's page does not
 * allow (a field it cannot carry, a code out of its range) is refused, never sent.
 */
import type { CommandInfo, ReplyKind } from "../../../schemas/define.js";
import { jsonResponse, reject, type WebhookResponse } from "../../errors.js";
import { isDecision, type BeforeDecision } from "./decision.js";

const inRange = (low: number, high: number) => (code: number) => code >= low && code <= high;

interface Rule {
  fields: readonly string[];
  /** Which non-zero codes a block may use. */
  code: (code: number) => boolean;
  discard: boolean;
  codes: string;
}

const ANY_CODE = () => true;
const RULES: Record<ReplyKind, Rule> = {
  plain: { fields: [], code: ANY_CODE, discard: false, codes: "any non-zero code" },
  gift: { fields: [], code: ANY_CODE, discard: false, codes: "any non-zero code" },
  message: { fields: ["MsgBody", "CloudCustomData"], code: (c) => c === 1 || inRange(120001, 130000)(c), discard: true, codes: "1 or [120001, 130000]" },
  groupMessage: { fields: ["MsgBody", "CloudCustomData"], code: (c) => c === 1 || inRange(10100, 10200)(c), discard: true, codes: "1 or [10100, 10200]" },
  invite: { fields: ["RefusedMembers_Account"], code: ANY_CODE, discard: false, codes: "any non-zero code" },
  subscriber: { fields: ["RefusedSubscribers_Account"], code: ANY_CODE, discard: false, codes: "any non-zero code" },
  friend: { fields: ["ResultItem"], code: ANY_CODE, discard: false, codes: "any non-zero code" },
  signal: { fields: ["RspData"], code: ANY_CODE, discard: false, codes: "any non-zero code" },
};

function check(definition: CommandInfo, decision: BeforeDecision): void {
  const kind = definition.reply ?? "plain";
  const rule = RULES[kind];
  const invalid = (why: string) => reject("decision_invalid", `A ${definition.command} handler returned a decision Tencent would misread: ${why}`);
  if (decision.action === "discard" && !rule.discard) throw invalid("discard() is only for message callbacks");
  if (decision.action === "block" && !rule.code(decision.code)) throw invalid(`code ${decision.code} is outside ${rule.codes}`);
  for (const field of Object.keys(decision.reply)) {
    if (!rule.fields.includes(field)) throw invalid(`the reply cannot carry ${field} (allowed: ${rule.fields.join(", ") || "none"})`);
  }
  if (kind === "friend" && Array.isArray(decision.reply.ResultItem)) {
    for (const item of decision.reply.ResultItem as { ResultCode?: unknown }[]) {
      const code = item?.ResultCode;
      if (code !== 0 && !(typeof code === "number" && inRange(38000, 39000)(code)))
        throw invalid(`ResultItem code ${String(code)} is outside 0 or [38000, 39000]`);
    }
  }
  if (kind === "signal" && "RspData" in decision.reply && typeof decision.reply.RspData !== "string") {
    throw invalid("RspData must be a string (the chatbot receives it as sent; JSON.stringify an object first)");
  }
}

export function decide(definition: CommandInfo, decisions: readonly unknown[]): WebhookResponse {
  let reply: Record<string, unknown> = {};
  for (const decision of decisions) {
    if (decision === undefined) continue;
    if (!isDecision(decision)) throw reject("decision_invalid", `A ${definition.command} handler must return allow(), block(), discard() or nothing`);
    check(definition, decision);
    if (decision.action !== "allow") {
      return respond({ ActionStatus: "OK", ErrorInfo: decision.message, ErrorCode: decision.code, ...decision.reply });
    }
    reply = { ...reply, ...decision.reply };
  }
  return respond({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, ...reply });
}

/** What Tencent itself does when no reply comes (gifts are blocked, messages delivered), or the user's choice. */
export function failureAnswer(definition: CommandInfo, chosen: "allow" | "block" | undefined): "allow" | "block" | undefined {
  return chosen ?? definition.onTimeout;
}

export function allowReply(): WebhookResponse {
  return respond({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
}

function respond(body: Record<string, unknown>): WebhookResponse {
  return jsonResponse(200, JSON.stringify(body));
}
