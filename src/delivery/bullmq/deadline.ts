/** Time limits: a receiver's work on the engine (Redis, PostgreSQL) raced against its deadline, and waits that never hang a `close()`. */

/**
 * Runs `work` against a deadline of `ms`: rejects with "`engine` did not acknowledge `what`" once it
 * has passed; `live()` turns false then, so that `work` sends nothing the caller no longer waits for.
 */
export async function withinDeadline<T>(engine: string, ms: number, what: string, work: (live: () => boolean) => Promise<T>): Promise<T> {
  let expired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new Error(`tencent-webhooks: ${engine} did not acknowledge ${what} within ${ms} ms`));
    }, ms);
  });
  const running = work(() => !expired);
  running.catch(() => undefined); // The deadline may win; the late outcome is dropped.
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `promise` at most `ms`; never rejects. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
