import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type { Token } from "@workshop/protocol";
import { vi } from "vitest";
import type { Poll } from "../../src/client/api.ts";
import type * as ShortPoll from "../../src/client/short-poll.ts";
import type { Visibility } from "../../src/client/visibility.ts";
import type { PollResponse } from "../../src/protocol.ts";

const REPLY = ["Poll", "ing", " one", " ask", " at", " a", " time", "."];
const TOKEN_EVERY_MS = 100;

/** A job on a fake server: a token every 100 ms; each answer takes `latencyMs`. */
function fakeServer(latencyMs: number) {
  const startedAt = Date.now();
  const state = { requests: 0, inFlight: 0, maxInFlight: 0, aborted: 0 };
  const poll: Poll = (cursor, signal) => {
    state.requests++;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        state.inFlight--;
        signal.removeEventListener("abort", onAbort);
        const end = Math.min(REPLY.length, Math.floor((Date.now() - startedAt) / TOKEN_EVERY_MS));
        const tokens: Token[] = REPLY.slice(cursor, end).map((text, i) => ({ seq: cursor + i, text }));
        const body: PollResponse = { tokens, cursor: Math.max(cursor, end), done: end === REPLY.length };
        resolve({ body, bytes: 50 });
      }, latencyMs);
      const onAbort = () => {
        clearTimeout(timer);
        state.inFlight--;
        state.aborted++;
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });
  };
  return { poll, state };
}

/** Runs `startShortPolling` with fake timers; `drive` advances time. */
async function drive(
  code: LessonCode,
  {
    latencyMs = 0,
    intervalMs = 50,
    visibility,
  }: { latencyMs?: number; intervalMs?: number; visibility?: Visibility },
  run: (
    poller: ShortPoll.Poller,
    seen: { text: string; done: number; errors: unknown[] },
    server: ReturnType<typeof fakeServer>,
  ) => Promise<void>,
) {
  const { startShortPolling } = await code.load<typeof ShortPoll>("src/client/short-poll.ts");
  vi.useFakeTimers();
  try {
    const server = fakeServer(latencyMs);
    const seen = { text: "", done: 0, errors: [] as unknown[] };
    const poller = startShortPolling({
      poll: server.poll,
      intervalMs: () => intervalMs,
      visibility,
      onResponse: ({ body }) => {
        for (const token of body.tokens) seen.text += token.text;
      },
      onDone: () => seen.done++,
      onError: (error) => seen.errors.push(error),
    });
    try {
      await run(poller, seen, server);
    } finally {
      poller.stop();
    }
  } finally {
    vi.useRealTimers();
  }
}

const fullReply = REPLY.join("");

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "shows the exact reply, then calls onDone once": "显示一字不差的回复，然后只调用一次 onDone",
  "never has two requests in flight, even when the server is slower than the interval":
    "即使服务端比轮询间隔还慢，也从不同时有两个请求在途",
  "leaves no timer behind once the reply is done": "回复结束后不留下任何定时器",
  "does not ask while the tab is hidden, and asks at once when it is shown":
    "标签页隐藏时不发请求，重新显示时立刻发请求",
  "stop() aborts the request in flight and asks nothing more": "stop() 中止在途的请求，之后不再发请求",
};

export default defineChecks({
  "shows the exact reply, then calls onDone once": (code) =>
    drive(code, {}, async (_poller, seen, server) => {
      await vi.advanceTimersByTimeAsync(REPLY.length * TOKEN_EVERY_MS + 500);
      must(server.state.requests > 0, {
        en: "the poller never called poll()",
        zh: "轮询器从没调用过 poll()",
      });
      must(seen.text === fullReply, {
        en: `the page shows "${seen.text}", not "${fullReply}"`,
        zh: `页面显示的是 "${seen.text}"，不是 "${fullReply}"`,
      });
      must(seen.done === 1, {
        en: `onDone was called ${seen.done} times, not once`,
        zh: `onDone 被调用了 ${seen.done} 次，而不是一次`,
      });
    }),

  "never has two requests in flight, even when the server is slower than the interval": (code) =>
    drive(code, { latencyMs: 300, intervalMs: 50 }, async (_poller, seen, server) => {
      await vi.advanceTimersByTimeAsync(REPLY.length * TOKEN_EVERY_MS + 2000);
      must(server.state.maxInFlight <= 1, {
        en: `${server.state.maxInFlight} requests were in flight at once: schedule the next ask after the answer (setTimeout), not on a clock (setInterval)`,
        zh: `同时有 ${server.state.maxInFlight} 个请求在途：要在响应回来之后再安排下一次请求（setTimeout），不要按固定节拍发（setInterval）`,
      });
      must(seen.text === fullReply, {
        en: `the page shows "${seen.text}", not "${fullReply}"`,
        zh: `页面显示的是 "${seen.text}"，不是 "${fullReply}"`,
      });
    }),

  "leaves no timer behind once the reply is done": (code) =>
    drive(code, {}, async (_poller, seen) => {
      await vi.advanceTimersByTimeAsync(REPLY.length * TOKEN_EVERY_MS + 500);
      must(seen.done === 1, { en: "the reply never finished", zh: "回复一直没有结束" });
      const requestsAtEnd = vi.getTimerCount();
      must(requestsAtEnd === 0, {
        en: `${requestsAtEnd} timer(s) still pending after done: stop polling on done`,
        zh: `回复结束后还有 ${requestsAtEnd} 个定时器在等待：收到 done 就停止轮询`,
      });
    }),

  "does not ask while the tab is hidden, and asks at once when it is shown": async (code) => {
    let hidden = true;
    let onChange = () => {};
    const visibility: Visibility = {
      hidden: () => hidden,
      onChange(listener) {
        onChange = listener;
        return () => {
          onChange = () => {};
        };
      },
    };
    await drive(code, { visibility }, async (_poller, _seen, server) => {
      await vi.advanceTimersByTimeAsync(1000);
      const whileHidden = server.state.requests;
      must(whileHidden === 0, {
        en: `a hidden tab asked ${whileHidden} times`,
        zh: `隐藏的标签页发了 ${whileHidden} 次请求`,
      });
      hidden = false;
      onChange();
      await vi.advanceTimersByTimeAsync(0);
      must(server.state.requests > whileHidden, {
        en: "when the tab was shown again, the poller did not ask at once",
        zh: "标签页重新显示时，轮询器没有立刻发请求",
      });
    });
  },

  "stop() aborts the request in flight and asks nothing more": (code) =>
    drive(code, { latencyMs: 300 }, async (poller, seen, server) => {
      await vi.advanceTimersByTimeAsync(100);
      must(server.state.inFlight === 1, {
        en: "no request was in flight 100 ms after start",
        zh: "启动 100 ms 后没有请求在途",
      });
      poller.stop();
      await vi.advanceTimersByTimeAsync(2000);
      must(server.state.aborted === 1, {
        en: "stop() did not abort the request in flight (pass an AbortSignal to poll)",
        zh: "stop() 没有中止在途的请求（要把 AbortSignal 传给 poll）",
      });
      must(server.state.requests === 1, {
        en: `after stop(), ${server.state.requests - 1} more requests were made`,
        zh: `stop() 之后又发出了 ${server.state.requests - 1} 个请求`,
      });
      must(seen.errors.length === 0, {
        en: "stop() reported the aborted request as an error",
        zh: "stop() 把被中止的请求当成错误报告了",
      });
    }),
});
