/**
 * The warning for the memory queue's classic trap: callbacks accepted (200) into a queue that no
 * worker runs (`queue.work(dispatcher)` never called) wait forever, silently. One warning per
 * stretch of neglect: it warns again only once a worker has taken the job it warned about.
 */
import type { Logger } from "../../types.js";

export interface UnattendedWarning {
  /** A job was enqueued: check back once it could have waited `afterMs`. */
  watch(): void;
  stop(): void;
}

export function unattendedWarning(settings: {
  afterMs: number;
  logger: Pick<Logger, "warn">;
  /** When the oldest job waiting with no worker running became waiting, or undefined. */
  oldestWaiting: () => number | undefined;
}): UnattendedWarning {
  const { afterMs, logger, oldestWaiting } = settings;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the job warned about became waiting: the same oldest job is not warned about twice. */
  let warnedFor: number | undefined;

  const check = (): void => {
    timer = undefined;
    const since = oldestWaiting();
    if (since === undefined) return;
    const waited = Date.now() - since;
    if (waited >= afterMs && warnedFor !== since) {
      warnedFor = since;
      logger.warn(
        `tencent-webhooks: callbacks have waited ${Math.round(waited / 1000)} s in the memoryQueue and no worker is running: call queue.work(dispatcher) to handle them`,
      );
    }
    schedule(waited < afterMs ? afterMs - waited : afterMs);
  };
  const schedule = (ms: number): void => {
    timer = setTimeout(check, ms);
    // The warning must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
  };

  return {
    watch() {
      if (timer === undefined) schedule(afterMs);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
