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

export default defineChecks({
  "the ceiling doubles from baseMs with each attempt, up to maxMs": async (code) => {
    const { backoffCeiling } = await code.load<typeof Backoff>("src/client/backoff.ts");
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffCeiling(attempt, OPTIONS));
    const expected = [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000];
    must(
      ceilings.join() === expected.join(),
      `ceilings for attempts 0–6 and 10 are ${ceilings.join(", ")}; expected ${expected.join(", ")}: baseMs doubled with each attempt (factor 2), never above maxMs`,
    );
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
      must(
        delay === expected,
        `attempt ${attempt} with random() = ${random} waited ${delay} ms, not ${expected}: the delay is random() times this attempt's ceiling, rounded down to whole ms`,
      );
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
    must(
      delays.size > 90,
      `100 clients chose only ${delays.size} different delays: the herd comes back together, draw each delay at random between 0 and the ceiling`,
    );
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
      must(
        lastDelay() === 500,
        `after a connection stayed up longer than stableAfterMs, the next delay was ${lastDelay()} ms, not 500 (attempt 0): a stable connection resets the climb`,
      );
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
      must(
        delays.join() === "500,1000,2000",
        `delays after connections that opened and dropped at once were ${delays.join(", ")}, not 500, 1000, 2000: an open alone must not reset the climb, only a connection that stayed up`,
      );
    }),
});
