/**
 * How an engine reports its connection errors: to `onConnectionError` when given, else one
 * `console.warn` per outage (a dead server must not flood the log; `reconnected()` re-arms it);
 * a throwing callback is logged, never thrown into the client's event loop.
 */
export interface ConnectionErrors {
  report(error: unknown): void;
  /** Connected again: the next error warns again. */
  reconnected(): void;
}

export function connectionErrors(engine: string, name: string, onConnectionError: ((error: Error) => void) | undefined): ConnectionErrors {
  let warned = false;
  const notify =
    onConnectionError ??
    ((error: Error) => {
      if (warned) return;
      warned = true;
      console.warn(`tencent-webhooks: ${engine} connection error (queue "${name}"): ${error.message}`);
    });
  return {
    report(error) {
      try {
        notify(error instanceof Error ? error : new Error(String(error)));
      } catch (cause) {
        console.error("tencent-webhooks: onConnectionError threw", cause);
      }
    },
    reconnected() {
      warned = false;
    },
  };
}
