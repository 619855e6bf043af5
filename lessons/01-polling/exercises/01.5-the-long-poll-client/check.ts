import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import { vi } from "vitest";
import type { Poll } from "../../src/client/api.ts";
import type * as LongPoll from "../../src/client/long-poll.ts";
import type { Poller } from "../../src/client/short-poll.ts";
import { fakePollServer } from "../../test/fake-poll-server.ts";

const REPLY = ["Long", " poll", "ing", " waits", " on", " the", " server", "."];
const TOKEN_EVERY_MS = 100;
const fullReply = REPLY.join("");
const NEVER_ASKED = {
  en: "startLongPolling never called poll(): ask at once when it starts, from cursor 0",
  zh: "startLongPolling 从没调用过 poll()：一启动就要立刻请求，从游标 0 开始",
};
/** Text as a message shows it: a runaway loop can repeat the reply hundreds of times. */
const quoted = (text: string, characters = "characters") =>
  `"${text.length > 80 ? `${text.slice(0, 80)}…" (${text.length} ${characters})` : `${text}"`}`;

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "asks at once, asks again as soon as each answer arrives, and ends with the whole reply":
    "立刻发请求，每个响应一到就再问，最后得到完整的回复",
  "an empty answer (the server's wait timed out) is followed by a new ask at once, same cursor":
    "收到空响应（服务端的等待超时了）后，立刻用同一个游标再问",
  "after a failed request, waits retryDelayMs before asking again, and reports the error":
    "请求失败后，等 retryDelayMs 再问，并报告错误",
  "stop() aborts the held request, reports no error, and leaves no timer":
    "stop() 中止挂起的请求，不报告错误，也不留下定时器",
  "stop() during the wait after an error cancels the retry": "出错后等待期间调用 stop()，会取消重试",
};

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
      must(server.state.requests === 1, {
        en: `${server.state.requests} requests went out at once, before any answer: ask once, then again when the answer is in`,
        zh: `还没有任何响应，就一下子发出了 ${server.state.requests} 个请求：先问一次，等响应回来再问`,
      });
      await vi.advanceTimersByTimeAsync(REPLY.length * TOKEN_EVERY_MS + 500);
      must(seen.text === fullReply, {
        en: `after the whole reply was generated, the page shows ${quoted(seen.text)}, not "${fullReply}": hand every answer to onResponse and ask again at once, from the cursor the answer carries`,
        zh: `整个回复都生成完了，页面显示的却是 ${quoted(seen.text, "个字符")}，不是 "${fullReply}"：把每个响应都交给 onResponse，并立刻从响应带回的游标再问`,
      });
      must(seen.done === 1, {
        en: `onDone was called ${seen.done} times, not once, when the reply ended`,
        zh: `回复结束时，onDone 被调用了 ${seen.done} 次，而不是一次`,
      });
      must(server.state.maxInFlight <= 1, {
        en: `${server.state.maxInFlight} requests were held at once: ask again only once the previous answer is in`,
        zh: `同时有 ${server.state.maxInFlight} 个请求被挂住：上一个响应回来之后才能再问`,
      });
      must(seen.cursors.length === server.state.requests, {
        en: `onRequest was called ${seen.cursors.length} times for ${server.state.requests} requests: call it before each ask`,
        zh: `发了 ${server.state.requests} 个请求，onRequest 却被调用了 ${seen.cursors.length} 次：每次请求之前都要调用它`,
      });
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
      must(calls === 3, {
        en: `after two empty answers the client had asked ${calls} time(s), not 3 without waiting: an empty answer only means "nothing yet", ask again at once`,
        zh: `收到两个空响应后，客户端共问了 ${calls} 次，而不是不加等待地问满 3 次：空响应只表示“还没有新内容”，要立刻再问`,
      });
      must(
        cursors.every((cursor) => cursor === 0),
        {
          en: `the client asked with cursors ${cursors.join(", ")}, not 0 each time: an empty answer does not move the cursor`,
          zh: `客户端请求时用的游标依次是 ${cursors.join(", ")}，而不是每次都是 0：空响应不会移动游标`,
        },
      );
      must(seen.text === "hi" && seen.done === 1, {
        en: "the answer that came after the empty ones was not shown, or onDone was not called",
        zh: "空响应之后到来的那个响应没有显示出来，或者没有调用 onDone",
      });
    });
  },

  "after a failed request, waits retryDelayMs before asking again, and reports the error": (code) => {
    const down = downServer();
    return polling(code, down.poll, async (_poller, seen) => {
      await vi.advanceTimersByTimeAsync(3500);
      const { calls } = down.state;
      must(calls > 0, NEVER_ASKED);
      must(calls <= 4, {
        en: `with the network down, the client asked ${calls > 50 ? "more than 50" : calls} times in 3.5 s: wait retryDelayMs (1000 ms here) after a failure, or a page offline spins in a hot loop`,
        zh: `网络断开时，客户端在 3.5 s 内问了 ${calls > 50 ? "超过 50" : calls} 次：失败后要等 retryDelayMs（这里是 1000 ms），否则断网的页面会陷入死循环，不停空转`,
      });
      must(calls === 4, {
        en: `with the network down, the client asked ${calls} time(s) in 3.5 s, not 4: after a failure, ask again once retryDelayMs has passed`,
        zh: `网络断开时，客户端在 3.5 s 内问了 ${calls} 次，而不是 4 次：失败后，等 retryDelayMs 过去就再问一次`,
      });
      must(seen.errors.length === calls, {
        en: `${calls} requests failed but onError heard of ${seen.errors.length}`,
        zh: `有 ${calls} 个请求失败了，onError 却收到了 ${seen.errors.length} 个`,
      });
    });
  },

  "stop() aborts the held request, reports no error, and leaves no timer": (code) => {
    const server = holdingServer({ silent: true });
    return polling(code, server.poll, async (poller, seen) => {
      await vi.advanceTimersByTimeAsync(100);
      must(server.state.requests > 0, NEVER_ASKED);
      must(server.state.inFlight === 1, {
        en: "no request was held 100 ms after start: ask, and wait for the server's answer",
        zh: "启动 100 ms 后没有挂起的请求：发出请求，然后等服务端的响应",
      });
      poller.stop();
      await vi.advanceTimersByTimeAsync(0);
      must(server.state.aborted === 1, {
        en: "stop() left the request held on the server: pass an AbortSignal to poll() and abort it in stop()",
        zh: "stop() 之后请求还挂在服务端：把 AbortSignal 传给 poll()，并在 stop() 里 abort 它",
      });
      must(seen.errors.length === 0, {
        en: "stop() reported its own aborted request as an error: that failure is yours, stay quiet",
        zh: "stop() 把自己中止的请求当成错误报告了：这个失败是你自己造成的，不要报告",
      });
      await vi.advanceTimersByTimeAsync(5000);
      must(server.state.requests === 1, {
        en: `after stop(), ${server.state.requests - 1} more request(s) were made`,
        zh: `stop() 之后又发出了 ${server.state.requests - 1} 个请求`,
      });
      must(vi.getTimerCount() === 0, {
        en: `${vi.getTimerCount()} timer(s) still pending after stop()`,
        zh: `stop() 之后还有 ${vi.getTimerCount()} 个定时器在等待`,
      });
    });
  },

  "stop() during the wait after an error cancels the retry": (code) => {
    const down = downServer();
    return polling(code, down.poll, async (poller) => {
      await vi.advanceTimersByTimeAsync(0);
      must(down.state.calls > 0, NEVER_ASKED);
      must(down.state.calls === 1, {
        en: `right after a failed request the client had asked ${down.state.calls} time(s), not once: wait retryDelayMs before asking again`,
        zh: `一个请求刚失败，客户端就已经问了 ${down.state.calls} 次，而不是一次：要等 retryDelayMs 再问`,
      });
      poller.stop();
      await vi.advanceTimersByTimeAsync(3000);
      must(down.state.calls === 1, {
        en: `after stop(), the pending retry still fired (${down.state.calls - 1} more request(s)): clear the retry timer in stop()`,
        zh: `stop() 之后，待执行的重试还是触发了（又多发了 ${down.state.calls - 1} 个请求）：在 stop() 里清掉重试定时器`,
      });
    });
  },
});
