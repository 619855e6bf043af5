// Runs one reply through one transport with that lesson's own client code
// (one file per transport in runs/), in Node or in the page, and records what
// arrived. The run ends when the reply completes, the client gives up, or no
// token comes for `stuckAfterMs` (then it counts as stuck).
import type { Finish, RunOptions, RunRecord, Start } from "./run-record.ts";
import { fetchStreamRun } from "./runs/fetch-stream.ts";
import { pollingRun } from "./runs/polling.ts";
import { sseRun } from "./runs/sse.ts";
import { webSocketRun } from "./runs/websocket.ts";
import type { Transport } from "./transports.ts";

export type { Arrival, Platform, RunOptions, RunRecord } from "./run-record.ts";

const STARTS: Record<Transport, Start> = {
  "short polling": pollingRun("short"),
  "long polling": pollingRun("long"),
  SSE: sseRun,
  WebSocket: webSocketRun,
  "fetch stream": fetchStreamRun,
};

export function runTransport(transport: Transport, options: RunOptions): Promise<RunRecord> {
  // #region run-transport
  return new Promise((resolve) => {
    const record: RunRecord = { arrivals: [], outcome: "stuck", reconnects: 0, requests: 0 };
    let stop = () => {};
    let settled = false;
    const finish: Finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      record.outcome = outcome;
      queueMicrotask(() => stop());
      resolve(record);
    };
    // Stuck: no token for stuckAfterMs. The timer restarts with every token, so a run
    // that progresses slowly (a busy machine, a 1 MiB token) is judged by what it delivers.
    let deadline = setTimeout(() => finish("stuck"), options.stuckAfterMs);
    options.signal?.addEventListener("abort", () => finish("gave up"), { once: true });
    // Tokens handled in one task came in one network read: a new read starts after a macrotask.
    let read = 0;
    let inRead = false;
    stop = STARTS[transport](
      record,
      options,
      (arrival) => {
        if (!inRead) {
          read++;
          inRead = true;
          setTimeout(() => {
            inRead = false;
          }, 0);
        }
        record.arrivals.push({ ...arrival, at: performance.now(), read });
        clearTimeout(deadline);
        if (!settled) deadline = setTimeout(() => finish("stuck"), options.stuckAfterMs);
        options.onToken?.(record.arrivals.length, record);
      },
      finish,
    );
  });
  // #endregion
}
