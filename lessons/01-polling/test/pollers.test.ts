// The page's pollers, driven by fake timers and a fake server whose speed the
// test sets: deterministic, and no real waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Poll } from "../src/client/api.ts";
import { startLongPolling } from "../src/client/long-poll.ts";
import { startNaivePolling } from "../src/client/naive-poll.ts";
import { startShortPolling } from "../src/client/short-poll.ts";
import { createStats, recordTokens } from "../src/client/stats.ts";
import type { Visibility } from "../src/client/visibility.ts";
import type { PollResponse } from "../src/protocol.ts";
import { fakePollServer } from "./fake-poll-server.ts";

const REPLY = ["Stream", "ing", " feels", " fast", "er", "."];

const fakeServer = (options: Omit<Parameters<typeof fakePollServer>[0], "reply">) =>
  fakePollServer({ reply: REPLY, ...options });

function collector() {
  const stats = createStats(0);
  let done = false;
  return {
    stats,
    isDone: () => done,
    onResponse: ({ body, bytes }: { body: PollResponse; bytes: number }) =>
      recordTokens(stats, body.tokens, bytes, Date.now()),
    onDone: () => {
      done = true;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the setInterval(fetch) trap", () => {
  it("overlaps requests when the server is slower than the interval, and shows tokens twice", async () => {
    const server = fakeServer({ tokenEveryMs: 100, latencyMs: 350 });
    const client = collector();
    const poller = startNaivePolling({ poll: server.poll, intervalMs: () => 100, ...client });
    await vi.advanceTimersByTimeAsync(2000);
    poller.stop();

    expect(server.state.maxInFlight).toBeGreaterThan(1); // a pile-up
    expect(client.stats.duplicates).toBeGreaterThan(0); // the same seq appended again
    expect(client.stats.text).not.toBe(REPLY.join(""));
  });
});

describe("short polling with a recursive setTimeout (the fix)", () => {
  it("never has more than one request in flight, however slow the server, and shows the exact reply", async () => {
    const server = fakeServer({ tokenEveryMs: 100, latencyMs: 350 });
    const client = collector();
    startShortPolling({ poll: server.poll, intervalMs: () => 100, ...client });
    await vi.advanceTimersByTimeAsync(5000);

    expect(client.isDone()).toBe(true);
    expect(server.state.maxInFlight).toBe(1);
    expect(client.stats.duplicates).toBe(0);
    expect(client.stats.text).toBe(REPLY.join(""));
  });

  it("asks every interval, and counts the empty answers that polling costs", async () => {
    const server = fakeServer({ tokenEveryMs: 1000 });
    const client = collector();
    startShortPolling({ poll: server.poll, intervalMs: () => 250, ...client });
    await vi.advanceTimersByTimeAsync(6000);

    expect(client.isDone()).toBe(true);
    expect(server.state.requests).toBe(25); // at 0, 250, …, 6000 ms
    expect(client.stats.emptyResponses).toBeGreaterThan(10);
  });

  it("leaves no timer behind once the reply is done", async () => {
    const server = fakeServer({ tokenEveryMs: 10 });
    startShortPolling({ poll: server.poll, intervalMs: () => 50, ...collector() });
    await vi.advanceTimersByTimeAsync(1000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stop() cancels the request in flight and the next scheduled one", async () => {
    const server = fakeServer({ tokenEveryMs: 100, latencyMs: 200 });
    const poller = startShortPolling({ poll: server.poll, intervalMs: () => 100, ...collector() });
    await vi.advanceTimersByTimeAsync(50);
    poller.stop();
    expect(server.state.inFlight).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("pauses while the tab is hidden and asks again at once when it is shown", async () => {
    let hidden = false;
    const listeners = new Set<() => void>();
    const visibility: Visibility = {
      hidden: () => hidden,
      onChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const setHidden = (value: boolean) => {
      hidden = value;
      for (const listener of listeners) listener();
    };
    const server = fakeServer({ tokenEveryMs: 10_000 });
    startShortPolling({ poll: server.poll, intervalMs: () => 100, visibility, ...collector() });
    await vi.advanceTimersByTimeAsync(1000);
    const beforeHiding = server.state.requests;

    setHidden(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.state.requests).toBe(beforeHiding); // nobody is looking: no requests

    setHidden(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state.requests).toBe(beforeHiding + 1); // back: one request at once
  });
});

describe("long polling", () => {
  it("asks again the moment each answer arrives, and shows the exact reply", async () => {
    const server = fakeServer({ tokenEveryMs: 100, holdUntilNews: true });
    const client = collector();
    startLongPolling({ poll: server.poll, ...client });
    await vi.advanceTimersByTimeAsync(1000);

    expect(client.isDone()).toBe(true);
    expect(client.stats.text).toBe(REPLY.join(""));
    expect(server.state.maxInFlight).toBe(1);
    expect(client.stats.emptyResponses).toBe(0); // the server waited for news
  });

  it("re-polls at once after a timeout answer with no tokens", async () => {
    let calls = 0;
    const poll: Poll = async (cursor) => {
      calls++;
      return calls < 3
        ? { body: { tokens: [], cursor, done: false }, bytes: 40 } // timed out
        : { body: { tokens: [{ seq: 0, text: "hi" }], cursor: 1, done: true }, bytes: 60 };
    };
    const client = collector();
    startLongPolling({ poll, ...client });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(3);
    expect(client.stats.text).toBe("hi");
  });

  it("waits before retrying after a network error, instead of looping hot", async () => {
    let calls = 0;
    const poll: Poll = async () => {
      calls++;
      throw new Error("offline");
    };
    const poller = startLongPolling({ poll, retryDelayMs: 1000, onError: () => {}, ...collector() });
    await vi.advanceTimersByTimeAsync(3500);
    expect(calls).toBe(4);
    poller.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
