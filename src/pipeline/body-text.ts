/**
 * The body as text, however the adapter had it: raw text, raw bytes, or an object another
 * middleware already parsed. Problems are raised only when the text is asked for, so that the
 * app id and signature checks answer first.
 */
import { reject } from "../errors.js";
import { decodeUtf8 } from "../json/parse.js";
import type { WebhookRequest } from "../types.js";
import { precisionLostMessage, unsafeIntegerPath } from "./precision.js";

export interface BodyText {
  /** What the protocol may authenticate: the bytes or text as sent; `undefined` for a parsed body. */
  raw: string | Uint8Array | undefined;
  /** For reports: the text as sent, or the re-serialised text of a parsed body. */
  reportText: string;
  /** False when the text is a re-serialisation of a parsed body, not what Tencent sent. */
  exact: boolean;
  /** The text to parse; throws a Rejection (invalid UTF-8, a rounded 64-bit integer, no JSON). */
  text(): string;
}

export function bodyText(request: Pick<WebhookRequest, "body" | "source">): BodyText {
  const { body } = request;
  if (typeof body === "string") return { raw: body, reportText: body, exact: true, text: () => body };
  if (body instanceof Uint8Array) {
    try {
      const text = decodeUtf8(body);
      return { raw: body, reportText: text, exact: true, text: () => text };
    } catch (error) {
      const lossy = new TextDecoder().decode(body);
      return {
        raw: body,
        reportText: lossy,
        exact: true,
        text: () => {
          throw error;
        },
      };
    }
  }
  if (body === undefined || body === null) return { raw: "", reportText: "", exact: true, text: () => "" };
  const text = safeStringify(body);
  return {
    raw: undefined,
    reportText: text,
    exact: false,
    text: () => {
      // A parser that ran first turned 144115216631667826 into 144115216631667840: never deliver that.
      const path = unsafeIntegerPath(body);
      if (path !== undefined) throw reject("precision_lost", precisionLostMessage(path, request.source));
      if (text === "") throw reject("invalid_body", "Body must be a JSON object");
      return text;
    },
  };
}

export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
