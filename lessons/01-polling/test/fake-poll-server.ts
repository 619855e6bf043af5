// A job on a fake polling server, for the pollers' tests and exercise 01.5's check: one new
// token every `tokenEveryMs`; each answer takes `latencyMs`, or, with `holdUntilNews`, is
// held until a token past the cursor exists (long polling: the server does the waiting).
// `silent`: it never has news. Counts requests in flight, as DevTools would show them.
import type { Token } from "@workshop/protocol";
import type { Poll } from "../src/client/api.ts";
import type { PollResponse } from "../src/protocol.ts";

export function fakePollServer({
  reply,
  tokenEveryMs = 100,
  latencyMs = 0,
  holdUntilNews = false,
  silent = false,
}: {
  reply: readonly string[];
  tokenEveryMs?: number;
  latencyMs?: number;
  holdUntilNews?: boolean;
  silent?: boolean;
}) {
  // The job starts with its first request, on the clock the test runs (a check that fakes
  // timers installs them after making this server: real time spent in between, on a busy
  // machine more than a token's worth, must not count as generated tokens).
  let startedAt: number | undefined;
  const state = { requests: 0, inFlight: 0, maxInFlight: 0, aborted: 0 };
  const answer = (cursor: number, started: number): PollResponse => {
    const end = Math.min(reply.length, Math.floor((Date.now() - started) / tokenEveryMs));
    const tokens: Token[] = reply.slice(cursor, end).map((text, i) => ({ seq: cursor + i, text }));
    return { tokens, cursor: Math.max(cursor, end), done: end === reply.length };
  };
  const poll: Poll = (cursor, signal) => {
    startedAt ??= Date.now();
    const started = startedAt;
    state.requests++;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        state.inFlight--;
        state.aborted++;
        reject(signal.reason);
      };
      const respond = () => {
        signal.removeEventListener("abort", onAbort);
        state.inFlight--;
        resolve({ body: answer(cursor, started), bytes: 50 });
      };
      const elapsed = Date.now() - started;
      const wait = silent
        ? 60_000
        : holdUntilNews
          ? Math.max(latencyMs, (cursor + 1) * tokenEveryMs - elapsed)
          : latencyMs;
      // An instant server answers with no timer at all. A held request always answers from
      // a timer, never in the same tick: a client that asks again with a cursor it should have
      // moved then loops in time the test controls, instead of starving the event loop.
      const timer = wait > 0 || holdUntilNews || silent ? setTimeout(respond, wait) : undefined;
      if (!timer) queueMicrotask(respond);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  };
  return { poll, state };
}
