// The reconnect logic, driven by fake sockets and fake timers: every delay
// and transition is exact, and nothing really waits.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type ConnectionState,
  createReconnectingSocket,
  HEARTBEAT_TIMEOUT,
  type SocketLike,
} from "../src/client/reconnecting-socket.ts";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.closedWith = code;
  }
  // What the server (or the network) does:
  opens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receives(text: string) {
    this.onmessage?.({ data: text });
  }
  drops(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }
}

function harness(overrides: Partial<Parameters<typeof createReconnectingSocket>[0]> = {}) {
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const opens: boolean[] = [];
  const client = createReconnectingSocket({
    url: "ws://test/ws",
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    random: () => 0.5, // half the ceiling: delays are exact
    backoff: { baseMs: 1000, maxMs: 8000, factor: 2 },
    maxAttempts: 4,
    stableAfterMs: 5000,
    deadAfterMs: 30_000,
    now: () => Date.now(),
    onState: (state) => states.push(state),
    onOpen: ({ reconnected }) => opens.push(reconnected),
    ...overrides,
  });
  const latest = () => sockets.at(-1) as FakeSocket;
  return { client, sockets, states, opens, latest };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("reconnecting by hand", () => {
  it("reconnects after a drop, waiting longer after each failed attempt (500, 1000, 2000 ms)", async () => {
    const { sockets, states, latest, opens } = harness();
    latest().opens();
    latest().drops(1006);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const state = states.at(-1);
      if (state?.status === "waiting") waits.push(state.delayMs);
      await vi.advanceTimersByTimeAsync(state?.status === "waiting" ? state.delayMs : 0);
      if (i < 2) latest().drops(1006); // the server is still down
    }
    expect(waits).toEqual([500, 1000, 2000]);
    latest().opens();
    expect(sockets).toHaveLength(4);
    expect(opens).toEqual([false, true]); // the second open is a reconnection
  });

  it("caps the wait, and gives up visibly after maxAttempts failures in a row", async () => {
    const { states, latest } = harness({ maxAttempts: 6 });
    latest().drops(1006);
    for (let i = 0; i < 6; i++) {
      await vi.runOnlyPendingTimersAsync();
      latest().drops(1006);
    }
    const waits = states.flatMap((s) => (s.status === "waiting" ? [s.delayMs] : []));
    expect(waits).toEqual([500, 1000, 2000, 4000, 4000, 4000]); // ceiling 8000 × 0.5
    expect(states.at(-1)).toMatchObject({ status: "gave-up", attempts: 6 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("resets the retry count only after a connection has stayed up for stableAfterMs", async () => {
    const { states, latest } = harness();
    latest().drops();
    await vi.runOnlyPendingTimersAsync();
    latest().drops();
    await vi.runOnlyPendingTimersAsync();
    latest().opens();
    await vi.advanceTimersByTimeAsync(1000); // up, but not for long
    latest().drops();
    expect(states.at(-1)).toMatchObject({ status: "waiting", attempt: 3, delayMs: 2000 });

    await vi.runOnlyPendingTimersAsync();
    latest().opens();
    await vi.advanceTimersByTimeAsync(5000); // stayed up: recovered
    latest().drops();
    expect(states.at(-1)).toMatchObject({ status: "waiting", attempt: 1, delayMs: 500 });
  });

  it("does not reconnect after an intentional close (1000), from either side", async () => {
    const server = harness();
    server.latest().opens();
    server.latest().drops(1000);
    expect(server.states.at(-1)?.status).toBe("closed");

    const user = harness();
    user.latest().opens();
    user.client.close();
    expect(user.latest().closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(user.sockets).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("treats a server that sends nothing within deadAfterMs as dead, and reconnects", async () => {
    const { states, latest, sockets } = harness({ deadAfterMs: 10_000 });
    latest().opens();
    await vi.advanceTimersByTimeAsync(9000);
    latest().receives('{"type":"heartbeat","at":"now"}'); // alive: the watchdog restarts
    await vi.advanceTimersByTimeAsync(9000);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000); // 10 s of silence
    expect(states.at(-1)).toMatchObject({ status: "waiting", lastClose: { code: HEARTBEAT_TIMEOUT } });
    await vi.runOnlyPendingTimersAsync();
    expect(sockets).toHaveLength(2);
  });

  it("send() refuses while disconnected, so the caller decides to queue or drop", () => {
    const { client, latest } = harness();
    expect(client.send("hi")).toBe(false);
    latest().opens();
    expect(client.send("hi")).toBe(true);
    expect(latest().sent).toEqual(["hi"]);
  });
});
