// How long to wait before reconnect attempt n (0-based): exponential growth,
// capped, with "full jitter": a random delay between 0 and the cap for this
// attempt. Without jitter, every client that lost the same server retries
// at the same instants and knocks it over again (a thundering herd).

export interface BackoffOptions {
  /** The upper bound for the first retry. */
  baseMs: number;
  /** The upper bound never grows past this. */
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000, factor: 2 };

// #region backoff
/** The largest delay attempt `n` may wait: base·factor^n, capped at max. */
export function backoffCeiling(attempt: number, { baseMs, maxMs, factor }: BackoffOptions): number {
  return Math.min(maxMs, baseMs * factor ** attempt);
}

/** A delay in [0, ceiling): full jitter. `random` is Math.random in the page, seeded in tests. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}
// #endregion
