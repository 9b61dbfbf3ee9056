/** The W3C `traceparent` a queued job carries, so that the worker's span links to the receiver's. */
import type { SpanContext } from "@opentelemetry/api";

/** https://www.w3.org/TR/trace-context/#traceparent-header */
export function traceparentOf({ traceId, spanId, traceFlags }: SpanContext): string {
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, "0")}`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The span context in a `traceparent`, or undefined when it is not one (a job from before telemetry, a forged value). */
export function spanContextOf(traceparent: unknown): SpanContext | undefined {
  const match = typeof traceparent === "string" ? TRACEPARENT.exec(traceparent) : null;
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return undefined;
  return { traceId: match[1]!, spanId: match[2]!, traceFlags: Number.parseInt(match[3]!, 16), isRemote: true };
}
