// One reply read through one path: when the first token came, when the last
// did. Streamed, the first comes right away; buffered, with the last.
export interface RaceResult {
  firstMs: number;
  lastMs: number;
  tokens: number;
}

export function readThrough(
  url: string,
  jobId: string,
  /** Told the moment the first token arrives, so the page shows it before the reply ends. */
  onFirstToken: (ms: number) => void = () => {},
  /** Told when the connection failed and EventSource retries: a certificate not accepted yet, nginx down. */
  onRetry: () => void = () => {},
): Promise<RaceResult> {
  // #region read-through
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const result: RaceResult = { firstMs: Number.NaN, lastMs: Number.NaN, tokens: 0 };
    const source = new EventSource(`${url}/api/jobs/${jobId}/events`);
    // #region first-token
    source.addEventListener("token", () => {
      result.tokens++;
      if (result.tokens > 1) return;
      result.firstMs = performance.now() - started;
      onFirstToken(result.firstMs);
    });
    // #endregion
    source.addEventListener("done", () => {
      result.lastMs = performance.now() - started;
      // #region close-on-done
      source.close(); // the reply is whole: no reconnect (lesson 02)
      // #endregion
      resolve(result);
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) reject(new Error(`${url}: the stream was refused`));
      else if (result.tokens === 0) onRetry();
    };
  });
  // #endregion
}
