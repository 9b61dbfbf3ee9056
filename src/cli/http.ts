/** The HTTP side of `send`: the target URL, the POST with its timeout, and network failures in one line. */
import { CliError, describe, EXIT, type CliIo } from "./io.js";

export function targetUrl(value: string | undefined): URL {
  if (value === undefined) throw new CliError("send needs --url <url>, e.g. --url http://127.0.0.1:3000/tencent/callback");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--url is not a valid URL: "${value}" (expected e.g. http://127.0.0.1:3000/tencent/callback)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    // "localhost:3000/x" parses with the scheme "localhost:": suggest what was probably meant.
    const guess = value.includes("//") ? "" : `; did you mean http://${value}?`;
    throw new CliError(`--url must be http or https (got "${value}")${guess}`);
  }
  return url;
}

/**
 * The URL as printed: a password in it is not echoed to a terminal or a CI log, nor is the
 * callback `Sign` unless `showSign` (`--verbose`): with its RequestTime it is a valid signature.
 */
export function printable(url: URL, showSign: boolean): string {
  const copy = new URL(url);
  if (copy.password !== "") copy.password = "***";
  return showSign ? copy.href : copy.href.replace(/([?&]Sign=)[^&#]*/, "$1***");
}

/** The reply and its body; the timeout covers both, and either failing is a network failure. */
export async function post(
  url: URL,
  body: string,
  extraHeaders: Readonly<Record<string, string>>,
  timeoutMs: number,
  io: CliIo,
): Promise<{ response: Response; text: string }> {
  // fetch refuses URLs with credentials; send them as Basic auth, as curl does.
  const headers: Record<string, string> = { "content-type": "application/json", ...extraHeaders };
  const target = new URL(url);
  if (target.username !== "" || target.password !== "") {
    const user = decodeURIComponent(target.username);
    const password = decodeURIComponent(target.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    target.username = "";
    target.password = "";
  }
  try {
    const response = await io.fetch(target, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { response, text: await response.text() };
  } catch (error) {
    if ((error as Error | null)?.name === "TimeoutError") {
      throw new CliError(`no reply from ${url.origin} within ${timeoutMs} ms`, EXIT.unreachable);
    }
    throw new CliError(`cannot reach ${url.origin}: ${networkReason(error)}`, EXIT.unreachable);
  }
}

/** fetch hides the socket error in `cause` (an AggregateError when several addresses were tried). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } } | null)?.cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused (is the app running on that port?)",
    ENOTFOUND: "host not found",
    ECONNRESET: "connection reset",
    EHOSTUNREACH: "host unreachable",
    ETIMEDOUT: "connection timed out",
  };
  if (code) return `${known[code] ?? "network error"} (${code})`;
  return cause?.message ?? describe(error);
}

/** The reply as a JSON object, when it is one. */
export function jsonReply(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
