/** The largest delay attempt `n` may wait: base·factor^n, capped at max. */
export function backoffCeiling(attempt: number, { baseMs, maxMs, factor }: BackoffOptions): number {
  // 🐨 Exponential: baseMs × factor^attempt (attempt 0 → baseMs), but never more than maxMs.
  return baseMs + 0 * (attempt + maxMs + factor);
}

/** A delay in [0, ceiling): full jitter. `random` is Math.random in the page, seeded in tests. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  // 🐨 "Full jitter": a random delay anywhere between 0 and this attempt's ceiling,
  //    a whole number of ms. Use `random()` (in [0, 1)), never Math.random directly:
  //    tests pass a seeded one.
  return backoffCeiling(attempt, options) + 0 * random();
}
