/** How fast the mock "thinks". All in milliseconds. */
export interface MockLlmTiming {
  /** Before the first token: the model reading the prompt. */
  firstTokenDelayMs: number;
  /** Between tokens. */
  tokenDelayMs: number;
  /** Random extra delay in [0, jitterMs) per token, from the seeded PRNG. */
  jitterMs: number;
}

/** Roughly a hosted model on a good day: ~20 tokens/s after half a second. */
export const realisticTiming: MockLlmTiming = { firstTokenDelayMs: 500, tokenDelayMs: 45, jitterMs: 30 };

/** For tests: no timers at all, one event-loop turn between tokens. */
export const instantTiming: MockLlmTiming = { firstTokenDelayMs: 0, tokenDelayMs: 0, jitterMs: 0 };

/** A token every `tokenDelayMs`, the first at once, no jitter: a reply that lasts a known number of tokens' time. */
export const steadyTiming = (tokenDelayMs: number): MockLlmTiming => ({
  firstTokenDelayMs: 0,
  tokenDelayMs,
  jitterMs: 0,
});

/**
 * Waits `ms`, or one event-loop turn when `ms` is 0 (so that a client leaving
 * can still be noticed between two tokens). Rejects as soon as `signal` aborts.
 */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clear();
      reject(signal?.reason);
    };
    const done = () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    };
    const handle = ms > 0 ? setTimeout(done, ms) : setImmediate(done);
    const clear = () =>
      ms > 0 ? clearTimeout(handle as NodeJS.Timeout) : clearImmediate(handle as NodeJS.Immediate);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
