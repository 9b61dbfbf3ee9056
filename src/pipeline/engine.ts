/** What every step of the pipeline shares for one dispatcher: its protocol, settings, options, listeners, reporter. */
import type { Listeners } from "../dispatcher/listeners.js";
import type { ResolvedOptions } from "../options.js";
import type { Protocol } from "../protocols/types.js";
import type { Telemetry } from "../telemetry/telemetry.js";
import type { ErrorReporter } from "./report.js";

export interface Engine<S = unknown> {
  protocol: Protocol<S>;
  settings: S;
  options: ResolvedOptions;
  listeners: Listeners;
  reporter: ErrorReporter;
  /** Set with `telemetry: true`: spans and metrics (the pipeline notes what it learns). */
  telemetry?: Telemetry | undefined;
}
