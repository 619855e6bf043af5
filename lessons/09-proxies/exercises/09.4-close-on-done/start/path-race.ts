export function readThrough(
  url: string,
  jobId: string,
  /** Told the moment the first token arrives, so the page shows it before the reply ends. */
  onFirstToken: (ms: number) => void = () => {},
): Promise<RaceResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const result: RaceResult = { firstMs: Number.NaN, lastMs: Number.NaN, tokens: 0 };
    const source = new EventSource(`${url}/api/jobs/${jobId}/events`);
    // 🐨 On each `token` event: count it, and note when the FIRST one came
    //    (performance.now() - started): that is what tells a streamed path from a buffered one.
    //    Tell onFirstToken at that moment too (the page shows it while the reply goes on).
    source.addEventListener("done", () => {
      result.lastMs = performance.now() - started;
      // 💣 The reply is whole, but the EventSource stays open: when the server ends the
      //    stream, it reconnects by itself and asks for the job again (lesson 02's trap).
      // 🐨 Close it here, before resolving.
      resolve(result);
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) reject(new Error(`${url}: the stream was refused`));
    };
  });
}
