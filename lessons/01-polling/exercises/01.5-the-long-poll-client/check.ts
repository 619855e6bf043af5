import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import { vi } from "vitest";
import type { Poll } from "../../src/client/api.ts";
import type * as LongPoll from "../../src/client/long-poll.ts";
import type { Poller } from "../../src/client/short-poll.ts";
import { fakePollServer } from "../../test/fake-poll-server.ts";

const REPLY = ["Long", " poll", "ing", " waits", " on", " the", " server", "."];
const TOKEN_EVERY_MS = 100;
const fullReply = REPLY.join("");
const NEVER_ASKED = "startLongPolling never called poll(): ask at once when it starts, from cursor 0";
/** Text as a message shows it: a runaway loop can repeat the reply hundreds of times. */
const quoted = (text: string) =>
  `"${text.length > 80 ? `${text.slice(0, 80)}…" (${text.length} characters)` : `${text}"`}`;

interface Seen {
  text: string;
  done: number;
  errors: unknown[];
  cursors: number[];
}

/** A long-polling server, faked: each request held until a token past its cursor exists. */
const holdingServer = ({ silent = false } = {}) =>
  fakePollServer({ reply: REPLY, tokenEveryMs: TOKEN_EVERY_MS, holdUntilNews: true, silent });

/**
 * A server that is down: every request fails at once. After 50 requests it stops answering
 * at all, so a client that retries in a hot loop is caught and named, not left spinning.
 */
function downServer() {
  const state = { calls: 0 };
  const poll: Poll = () => {
    state.calls++;
    if (state.calls > 50) return new Promise<never>(() => {});
    return Promise.reject(new Error("offline"));
  };
  return { poll, state };
}

/** Runs `startLongPolling` on `poll` with fake timers; `run` advances time. */
async function polling(
  code: LessonCode,
  poll: Poll,
  run: (poller: Poller, seen: Seen) => Promise<void>,
  retryDelayMs = 1000,
) {
  const { startLongPolling } = await code.load<typeof LongPoll>("src/client/long-poll.ts");
  vi.useFakeTimers();
  try {
    const seen: Seen = { text: "", done: 0, errors: [], cursors: [] };
    const poller = startLongPolling({
      poll,
      retryDelayMs,
      onRequest: (cursor) => seen.cursors.push(cursor),
      onResponse: ({ body }) => {
        for (const token of body.tokens) seen.text += token.text;
      },
      onDone: () => seen.done++,
      onError: (error) => seen.errors.push(error),
    });
    try {
      await run(poller, seen);
    } finally {
      poller.stop();
    }
  } finally {
    vi.useRealTimers();
  }
}

export default defineChecks({
  "asks at once, asks again as soon as each answer arrives, and ends with the whole reply": (code) => {
    const server = holdingServer();
    return polling(code, server.poll, async (_poller, seen) => {
      await vi.advanceTimersByTimeAsync(0);
      must(server.state.requests > 0, NEVER_ASKED);
      must(
        server.state.requests === 1,
        `${server.state.requests} requests went out at once, before any answer: ask once, then again when the answer is in`,
      );
      await vi.advanceTimersByTimeAsync(REPLY.length * TOKEN_EVERY_MS + 500);
      must(
        seen.text === fullReply,
        `after the whole reply was generated, the page shows ${quoted(seen.text)}, not "${fullReply}": hand every answer to onResponse and ask again at once, from the cursor the answer carries`,
      );
      must(seen.done === 1, `onDone was called ${seen.done} times, not once, when the reply ended`);
      must(
        server.state.maxInFlight <= 1,
        `${server.state.maxInFlight} requests were held at once: ask again only once the previous answer is in`,
      );
      must(
        seen.cursors.length === server.state.requests,
        `onRequest was called ${seen.cursors.length} times for ${server.state.requests} requests: call it before each ask`,
      );
    });
  },

  "an empty answer (the server's wait timed out) is followed by a new ask at once, same cursor": (code) => {
    let calls = 0;
    const cursors: number[] = [];
    const poll: Poll = async (cursor) => {
      calls++;
      cursors.push(cursor);
      return calls < 3
        ? { body: { tokens: [], cursor, done: false }, bytes: 40 } // timed out: nothing new
        : { body: { tokens: [{ seq: 0, text: "hi" }], cursor: 1, done: true }, bytes: 60 };
    };
    return polling(code, poll, async (_poller, seen) => {
      await vi.advanceTimersByTimeAsync(0);
      must(calls > 0, NEVER_ASKED);
      must(
        calls === 3,
        `after two empty answers the client had asked ${calls} time(s), not 3 without waiting: an empty answer only means "nothing yet", ask again at once`,
      );
      must(
        cursors.every((cursor) => cursor === 0),
        `the client asked with cursors ${cursors.join(", ")}, not 0 each time: an empty answer does not move the cursor`,
      );
      must(
        seen.text === "hi" && seen.done === 1,
        "the answer that came after the empty ones was not shown, or onDone was not called",
      );
    });
  },

  "after a failed request, waits retryDelayMs before asking again, and reports the error": (code) => {
    const down = downServer();
    return polling(code, down.poll, async (_poller, seen) => {
      await vi.advanceTimersByTimeAsync(3500);
      const { calls } = down.state;
      must(calls > 0, NEVER_ASKED);
      must(
        calls <= 4,
        `with the network down, the client asked ${calls > 50 ? "more than 50" : calls} times in 3.5 s: wait retryDelayMs (1000 ms here) after a failure, or a page offline spins in a hot loop`,
      );
      must(
        calls === 4,
        `with the network down, the client asked ${calls} time(s) in 3.5 s, not 4: after a failure, ask again once retryDelayMs has passed`,
      );
      must(
        seen.errors.length === calls,
        `${calls} requests failed but onError heard of ${seen.errors.length}`,
      );
    });
  },

  "stop() aborts the held request, reports no error, and leaves no timer": (code) => {
    const server = holdingServer({ silent: true });
    return polling(code, server.poll, async (poller, seen) => {
      await vi.advanceTimersByTimeAsync(100);
      must(server.state.requests > 0, NEVER_ASKED);
      must(
        server.state.inFlight === 1,
        "no request was held 100 ms after start: ask, and wait for the server's answer",
      );
      poller.stop();
      await vi.advanceTimersByTimeAsync(0);
      must(
        server.state.aborted === 1,
        "stop() left the request held on the server: pass an AbortSignal to poll() and abort it in stop()",
      );
      must(
        seen.errors.length === 0,
        "stop() reported its own aborted request as an error: that failure is yours, stay quiet",
      );
      await vi.advanceTimersByTimeAsync(5000);
      must(
        server.state.requests === 1,
        `after stop(), ${server.state.requests - 1} more request(s) were made`,
      );
      must(vi.getTimerCount() === 0, `${vi.getTimerCount()} timer(s) still pending after stop()`);
    });
  },

  "stop() during the wait after an error cancels the retry": (code) => {
    const down = downServer();
    return polling(code, down.poll, async (poller) => {
      await vi.advanceTimersByTimeAsync(0);
      must(down.state.calls > 0, NEVER_ASKED);
      must(
        down.state.calls === 1,
        `right after a failed request the client had asked ${down.state.calls} time(s), not once: wait retryDelayMs before asking again`,
      );
      poller.stop();
      await vi.advanceTimersByTimeAsync(3000);
      must(
        down.state.calls === 1,
        `after stop(), the pending retry still fired (${down.state.calls - 1} more request(s)): clear the retry timer in stop()`,
      );
    });
  },
});
