import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import { vi } from "vitest";
import type * as Backoff from "../../src/client/backoff.ts";
import type * as Reconnecting from "../../src/client/reconnecting-socket.ts";

const OPTIONS = { baseMs: 500, maxMs: 15_000, factor: 2 };

/** A socket the check opens and drops by hand. */
class FakeSocket implements Reconnecting.SocketLike {
  readyState = 0;
  onopen: Reconnecting.SocketLike["onopen"] = null;
  onmessage: Reconnecting.SocketLike["onmessage"] = null;
  onclose: Reconnecting.SocketLike["onclose"] = null;
  onerror: Reconnecting.SocketLike["onerror"] = null;
  send() {}
  close() {}
  opens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drops() {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: "" });
  }
}

/** The delay the socket chose after the last drop. */
async function reconnecting(
  code: LessonCode,
  run: (latest: () => FakeSocket, lastDelay: () => number) => Promise<void>,
) {
  const { createReconnectingSocket } = await code.load<typeof Reconnecting>(
    "src/client/reconnecting-socket.ts",
  );
  vi.useFakeTimers();
  const sockets: FakeSocket[] = [];
  let delay = -1;
  const client = createReconnectingSocket({
    url: "ws://check/ws",
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    random: () => 0.5,
    backoff: { baseMs: 1000, maxMs: 8000, factor: 2 },
    maxAttempts: 10,
    stableAfterMs: 5000,
    deadAfterMs: 60_000,
    now: () => Date.now(),
    onState: (state) => {
      if (state.status === "waiting") delay = state.delayMs;
    },
  });
  try {
    await run(
      () => sockets.at(-1) as FakeSocket,
      () => delay,
    );
  } finally {
    client.close();
    vi.useRealTimers();
  }
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the ceiling doubles from baseMs with each attempt, up to maxMs":
    "上限值从 baseMs 起每次尝试翻一倍，最多到 maxMs",
  "the delay is a random whole number of ms between 0 and the ceiling (full jitter)":
    "等待时间是 0 到上限值之间随机的整数毫秒（full jitter）",
  "a hundred clients that lost the same server come back at a hundred different times":
    "丢了同一台服务器的一百个客户端，在一百个不同的时刻回来",
  "after a connection stayed up stableAfterMs, the next drop starts again from the smallest delay":
    "连接保持了 stableAfterMs 之后，下一次断线从最小的等待时间重新算起",
  "a connection that drops at once keeps climbing": "一打开就断的连接，等待时间继续往上涨",
};

export default defineChecks({
  "the ceiling doubles from baseMs with each attempt, up to maxMs": async (code) => {
    const { backoffCeiling } = await code.load<typeof Backoff>("src/client/backoff.ts");
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffCeiling(attempt, OPTIONS));
    const expected = [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000];
    must(ceilings.join() === expected.join(), {
      en: `ceilings for attempts 0–6 and 10 are ${ceilings.join(", ")}; expected ${expected.join(", ")}: baseMs doubled with each attempt (factor 2), never above maxMs`,
      zh: `第 0–6 次和第 10 次尝试的上限值是 ${ceilings.join(", ")}；应当是 ${expected.join(", ")}：baseMs 每次尝试翻一倍（factor 2），永远不超过 maxMs`,
    });
  },

  "the delay is a random whole number of ms between 0 and the ceiling (full jitter)": async (code) => {
    const { backoffDelay } = await code.load<typeof Backoff>("src/client/backoff.ts");
    const cases: [number, number, number][] = [
      [0, 3, 0],
      [0.5, 3, 2000],
      [0.25, 1, 250],
      [0.9999, 10, 14_998],
    ];
    for (const [random, attempt, expected] of cases) {
      const delay = backoffDelay(attempt, OPTIONS, () => random);
      must(delay === expected, {
        en: `attempt ${attempt} with random() = ${random} waited ${delay} ms, not ${expected}: the delay is random() times this attempt's ceiling, rounded down to whole ms`,
        zh: `第 ${attempt} 次尝试、random() = ${random} 时等了 ${delay} ms，不是 ${expected}：等待时间是 random() 乘以这次尝试的上限值，向下取整到整数毫秒`,
      });
    }
  },

  "a hundred clients that lost the same server come back at a hundred different times": async (code) => {
    const { backoffDelay } = await code.load<typeof Backoff>("src/client/backoff.ts");
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; // a small seeded generator
      return seed / 2 ** 31;
    };
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(4, OPTIONS, random)));
    must(delays.size > 90, {
      en: `100 clients chose only ${delays.size} different delays: the herd comes back together, draw each delay at random between 0 and the ceiling`,
      zh: `100 个客户端只选出了 ${delays.size} 种不同的等待时间：它们会一窝蜂地同时回来（惊群），每个等待时间都要在 0 到上限值之间随机抽取`,
    });
  },

  "after a connection stayed up stableAfterMs, the next drop starts again from the smallest delay": (code) =>
    reconnecting(code, async (latest, lastDelay) => {
      for (let attempt = 0; attempt < 3; attempt++) {
        latest().drops(); // never opened: the delay climbs
        await vi.advanceTimersByTimeAsync(lastDelay());
      }
      latest().opens();
      await vi.advanceTimersByTimeAsync(6000); // stable
      latest().drops();
      must(lastDelay() === 500, {
        en: `after a connection stayed up longer than stableAfterMs, the next delay was ${lastDelay()} ms, not 500 (attempt 0): a stable connection resets the climb`,
        zh: `一条连接保持得比 stableAfterMs 还久之后，下一次等待时间是 ${lastDelay()} ms，不是 500（第 0 次尝试）：稳定的连接会让等待时间从头算起`,
      });
    }),

  "a connection that drops at once keeps climbing": (code) =>
    reconnecting(code, async (latest, lastDelay) => {
      const delays: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        latest().opens();
        latest().drops(); // opened, but dropped at once
        delays.push(lastDelay());
        await vi.advanceTimersByTimeAsync(lastDelay());
      }
      must(delays.join() === "500,1000,2000", {
        en: `delays after connections that opened and dropped at once were ${delays.join(", ")}, not 500, 1000, 2000: an open alone must not reset the climb, only a connection that stayed up`,
        zh: `连接一打开就断时，等待时间依次是 ${delays.join(", ")}，不是 500, 1000, 2000：光是 open 不能让等待时间从头算起，只有保持住了的连接才行`,
      });
    }),
});
