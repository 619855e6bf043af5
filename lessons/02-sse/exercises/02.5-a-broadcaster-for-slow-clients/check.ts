import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { defineChecks, type LessonCode, must, within } from "@workshop/exercises";
import { connectSse, postJson } from "@workshop/testkit";
import type * as BroadcasterModule from "../../src/server/broadcaster.ts";
import { withServer } from "../with-server.ts";

/** A response whose socket buffer the check fills and drains at will. */
class FakeResponse extends EventEmitter {
  received: string[] = [];
  /** While true, write() still takes the text (as Node does) but answers false: the buffer is full. */
  full = false;
  destroyed = false;

  write(text: string): boolean {
    this.received.push(text);
    return !this.full;
  }

  destroy(): this {
    if (!this.destroyed) {
      this.destroyed = true;
      process.nextTick(() => this.emit("close")); // as Node does: 'close' comes a moment later
    }
    return this;
  }

  /** The client read everything: the socket can take more. */
  drain(): void {
    this.full = false;
    this.emit("drain");
  }

  /** The page was closed. */
  leave(): void {
    this.emit("close");
  }
}

const asResponse = (fake: FakeResponse) => fake as unknown as ServerResponse;
const tick = () => new Promise((resolve) => setImmediate(resolve));
const list = (texts: string[]) => (texts.length === 0 ? "nothing" : texts.map((t) => `"${t}"`).join(", "));

async function broadcasterOf(code: LessonCode) {
  const { createBroadcaster } = await code.load<typeof BroadcasterModule>("src/server/broadcaster.ts");
  return createBroadcaster;
}

/** A broadcaster with `n` fake clients added. */
async function withClients(code: LessonCode, n: number, options: { maxQueuedBytes?: number } = {}) {
  const createBroadcaster = await broadcasterOf(code);
  const left = { count: 0 };
  const broadcaster = createBroadcaster({ ...options, onLeave: () => left.count++ });
  const clients = Array.from({ length: n }, () => new FakeResponse());
  for (const client of clients) broadcaster.add(asResponse(client));
  return { broadcaster, clients, left };
}

export default defineChecks({
  "send() reaches every client, sendTo() only the one it names": async (code) => {
    const { broadcaster, clients } = await withClients(code, 3);
    const [alice, bob, carol] = clients as [FakeResponse, FakeResponse, FakeResponse];
    broadcaster.send("hello all");
    must(
      clients.every((client) => client.received[0] === "hello all"),
      `after send("hello all") to 3 added clients, they received ${clients.map((c) => list(c.received)).join(" / ")}: add() must remember each response, send() write to every one`,
    );
    broadcaster.sendTo(asResponse(bob), "just bob");
    must(
      bob.received.at(-1) === "just bob" && alice.received.length === 1 && carol.received.length === 1,
      "sendTo(bob, …) did not reach bob alone: write to that one client, and only if it was added",
    );
    must(broadcaster.size === 3, `with 3 clients added, size is ${broadcaster.size}`);
    must(
      broadcaster.writes === 4,
      `4 messages were handed to clients, but writes says ${broadcaster.writes}`,
    );
  },

  "a client that leaves is forgotten, and onLeave hears of it": async (code) => {
    const { broadcaster, clients, left } = await withClients(code, 2);
    const [alice, bob] = clients as [FakeResponse, FakeResponse];
    alice.leave();
    must(left.count === 1, `a page closed and onLeave was called ${left.count} time(s), not once`);
    must(broadcaster.size === 1, `after one of 2 pages closed, size is ${broadcaster.size}, not 1`);
    broadcaster.send("still there?");
    must(
      alice.received.length === 0,
      "a message was written to a page that had already closed: forget a client on its 'close'",
    );
    must(bob.received[0] === "still there?", "the page that stayed did not get the next message");
  },

  "a slow client's messages wait for 'drain', then arrive in order; the others are not held up": async (
    code,
  ) => {
    const { broadcaster, clients } = await withClients(code, 2);
    const [slow, fast] = clients as [FakeResponse, FakeResponse];
    slow.full = true;
    for (const text of ["one", "two", "three"]) broadcaster.send(text);
    must(
      fast.received.join() === "one,two,three",
      `while another client was slow, the fast one received ${list(fast.received)}: a slow client must never hold up the others`,
    );
    must(
      slow.received.join() === "one",
      `after write() returned false (its socket buffer is full), the slow client was still written ${list(slow.received.slice(1))}: queue its messages until 'drain', or Node buffers them in memory without limit`,
    );
    slow.drain();
    must(
      slow.received.join() === "one,two,three",
      `after 'drain', the slow client has ${list(slow.received)}, not "one", "two", "three": on 'drain', write what was queued, in order`,
    );
    broadcaster.send("four");
    must(
      slow.received.at(-1) === "four",
      "once drained, the client did not get the next message: after the queue is flushed, write to it directly again",
    );
  },

  "a client too far behind is cut off, counted in bytes, and the others keep receiving": async (code) => {
    const { broadcaster, clients } = await withClients(code, 2, { maxQueuedBytes: 100 });
    const [slow, fast] = clients as [FakeResponse, FakeResponse];
    slow.full = true;
    broadcaster.send("first"); // written; the buffer is now full
    for (let i = 0; i < 5; i++) broadcaster.send("0123456789"); // 50 bytes queued: within the bound
    const droppedWithinBound = broadcaster.dropped; // a copy: `must` would narrow the property itself
    must(
      !slow.destroyed && droppedWithinBound === 0,
      "a client with 50 bytes queued (the bound is 100) was cut off: drop it only past maxQueuedBytes",
    );
    // 4 characters, 12 bytes each: 12 of them add 48 characters (98 in all, within the bound)
    // but 144 bytes (194 in all, well past it).
    let sent = 6;
    for (let i = 0; i < 12 && !slow.destroyed; i++, sent++) broadcaster.send("你好你好");
    must(
      slow.destroyed,
      "a client with 194 bytes queued (98 characters; the bound is 100 bytes) was not cut off: count the queue in UTF-8 bytes (Buffer.byteLength), not characters, and past maxQueuedBytes, res.destroy() it",
    );
    must(broadcaster.dropped === 1, `one client was cut off, but dropped says ${broadcaster.dropped}`);
    await tick();
    must(
      broadcaster.size === 1,
      `after the slow client was cut off and closed, size is ${broadcaster.size}, not 1`,
    );
    must(
      fast.received.length === sent,
      `the fast client received ${fast.received.length} of ${sent} messages: cutting off a slow client must not affect the others`,
    );
  },

  "through the lesson's server, one notice reaches every open page": (code) =>
    withServer(code, { presenceIntervalMs: 5 }, async ({ url }) => {
      const pages = await Promise.all([
        connectSse(`${url}/api/notifications`),
        connectSse(`${url}/api/notifications`),
      ]);
      try {
        const response = await postJson(`${url}/api/notifications`, { text: "Class starts in 5 minutes" });
        const { delivered } = (await response.json()) as { delivered: number };
        must(delivered === 2, `with 2 pages listening, POST /api/notifications says it reached ${delivered}`);
        await within(
          Promise.all(pages.map((page) => page.waitFor((r) => r.events.some((e) => e.type === "notice")))),
          3000,
          "the notice never reached both pages",
        );
      } finally {
        for (const page of pages) page.abort();
      }
    }),
});
