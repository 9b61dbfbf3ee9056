/**
 * The metric instruments, created once per dispatcher on the `tencent-webhooks` meter. Names and
 * attributes are documented in docs/telemetry.md; a command outside the catalogue is counted as
 * "other" (a command name comes from the wire: it must not make a metric's cardinality unbounded).
 */
import type { Counter, Histogram, Meter, ObservableGauge } from "@opentelemetry/api";

export interface Instruments {
  callbacks: Counter;
  refusals: Counter;
  duplicates: Counter;
  quarantined: Counter;
  handlerDuration: Histogram;
  backlog: ObservableGauge;
}

export function instruments(meter: Meter): Instruments {
  return {
    callbacks: meter.createCounter("tencent_webhooks.callbacks", { description: "Callbacks received, by protocol, command and outcome" }),
    refusals: meter.createCounter("tencent_webhooks.refusals", { description: "Callbacks refused, by protocol and reason" }),
    duplicates: meter.createCounter("tencent_webhooks.duplicates", { description: "Duplicates answered 200 and not handled again" }),
    quarantined: meter.createCounter("tencent_webhooks.quarantined", { description: "Authenticated callbacks whose payload failed its schema, kept" }),
    handlerDuration: meter.createHistogram("tencent_webhooks.handler.duration", { description: "Time the handlers of one callback took", unit: "s" }),
    backlog: meter.createObservableGauge("tencent_webhooks.queue.backlog", { description: "Callbacks waiting for a worker" }),
  };
}
