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
const list = (texts: string[], nothing = "nothing") =>
  texts.length === 0 ? nothing : texts.map((t) => `"${t}"`).join(", ");

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

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "send() reaches every client, sendTo() only the one it names":
    "send() 发给每个客户端，sendTo() 只发给指定的那一个",
  "a client that leaves is forgotten, and onLeave hears of it": "离开的客户端会被忘掉，onLeave 也会得到通知",
  "a slow client's messages wait for 'drain', then arrive in order; the others are not held up":
    "慢客户端的消息等到 'drain' 再按顺序送达；其他客户端不受拖累",
  "a client too far behind is cut off, counted in bytes, and the others keep receiving":
    "落后太多（按字节计）的客户端被切断，其他客户端照常接收",
  "through the lesson's server, one notice reaches every open page":
    "通过课程服务器，一条通知送达每个打开的页面",
};

export default defineChecks({
  "send() reaches every client, sendTo() only the one it names": async (code) => {
    const { broadcaster, clients } = await withClients(code, 3);
    const [alice, bob, carol] = clients as [FakeResponse, FakeResponse, FakeResponse];
    broadcaster.send("hello all");
    must(
      clients.every((client) => client.received[0] === "hello all"),
      {
        en: `after send("hello all") to 3 added clients, they received ${clients.map((c) => list(c.received)).join(" / ")}: add() must remember each response, send() write to every one`,
        zh: `对 3 个已 add 的客户端 send("hello all") 之后，它们收到的是 ${clients.map((c) => list(c.received, "（什么都没有）")).join(" / ")}：add() 必须记住每个响应，send() 要写给每一个`,
      },
    );
    broadcaster.sendTo(asResponse(bob), "just bob");
    must(bob.received.at(-1) === "just bob" && alice.received.length === 1 && carol.received.length === 1, {
      en: "sendTo(bob, …) did not reach bob alone: write to that one client, and only if it was added",
      zh: "sendTo(bob, …) 没有只发给 bob 一个：只写给那一个客户端，而且前提是它被 add 过",
    });
    must(broadcaster.size === 3, {
      en: `with 3 clients added, size is ${broadcaster.size}`,
      zh: `add 了 3 个客户端，size 却是 ${broadcaster.size}`,
    });
    must(broadcaster.writes === 4, {
      en: `4 messages were handed to clients, but writes says ${broadcaster.writes}`,
      zh: `交给客户端的消息有 4 条，writes 却是 ${broadcaster.writes}`,
    });
  },

  "a client that leaves is forgotten, and onLeave hears of it": async (code) => {
    const { broadcaster, clients, left } = await withClients(code, 2);
    const [alice, bob] = clients as [FakeResponse, FakeResponse];
    alice.leave();
    must(left.count === 1, {
      en: `a page closed and onLeave was called ${left.count} time(s), not once`,
      zh: `一个页面关闭了，onLeave 被调用了 ${left.count} 次，而不是一次`,
    });
    must(broadcaster.size === 1, {
      en: `after one of 2 pages closed, size is ${broadcaster.size}, not 1`,
      zh: `2 个页面关掉一个之后，size 是 ${broadcaster.size}，不是 1`,
    });
    broadcaster.send("still there?");
    must(alice.received.length === 0, {
      en: "a message was written to a page that had already closed: forget a client on its 'close'",
      zh: "消息被写给了一个已经关闭的页面：客户端触发 'close' 时就要把它忘掉",
    });
    must(bob.received[0] === "still there?", {
      en: "the page that stayed did not get the next message",
      zh: "留下的页面没有收到下一条消息",
    });
  },

  "a slow client's messages wait for 'drain', then arrive in order; the others are not held up": async (
    code,
  ) => {
    const { broadcaster, clients } = await withClients(code, 2);
    const [slow, fast] = clients as [FakeResponse, FakeResponse];
    slow.full = true;
    for (const text of ["one", "two", "three"]) broadcaster.send(text);
    must(fast.received.join() === "one,two,three", {
      en: `while another client was slow, the fast one received ${list(fast.received)}: a slow client must never hold up the others`,
      zh: `另一个客户端慢下来时，快的客户端收到的是 ${list(fast.received, "（什么都没有）")}：慢客户端绝不能拖住其他客户端`,
    });
    must(slow.received.join() === "one", {
      en: `after write() returned false (its socket buffer is full), the slow client was still written ${list(slow.received.slice(1))}: queue its messages until 'drain', or Node buffers them in memory without limit`,
      zh: `write() 返回 false（它的 socket 缓冲区满了）之后，慢客户端仍被写入了 ${list(slow.received.slice(1), "（什么都没有）")}：在 'drain' 之前把它的消息放进队列，否则 Node 会把它们无限制地缓冲在内存里`,
    });
    slow.drain();
    must(slow.received.join() === "one,two,three", {
      en: `after 'drain', the slow client has ${list(slow.received)}, not "one", "two", "three": on 'drain', write what was queued, in order`,
      zh: `'drain' 之后，慢客户端收到的是 ${list(slow.received, "（什么都没有）")}，不是 "one", "two", "three"：在 'drain' 时按顺序写出排队的消息`,
    });
    broadcaster.send("four");
    must(slow.received.at(-1) === "four", {
      en: "once drained, the client did not get the next message: after the queue is flushed, write to it directly again",
      zh: "'drain' 之后，这个客户端没有收到下一条消息：队列写完之后，要重新直接写给它",
    });
  },

  "a client too far behind is cut off, counted in bytes, and the others keep receiving": async (code) => {
    const { broadcaster, clients } = await withClients(code, 2, { maxQueuedBytes: 100 });
    const [slow, fast] = clients as [FakeResponse, FakeResponse];
    slow.full = true;
    broadcaster.send("first"); // written; the buffer is now full
    for (let i = 0; i < 5; i++) broadcaster.send("0123456789"); // 50 bytes queued: within the bound
    const droppedWithinBound = broadcaster.dropped; // a copy: `must` would narrow the property itself
    must(!slow.destroyed && droppedWithinBound === 0, {
      en: "a client with 50 bytes queued (the bound is 100) was cut off: drop it only past maxQueuedBytes",
      zh: "队列里只有 50 字节（上限是 100）的客户端被切断了：超过 maxQueuedBytes 才能放弃它",
    });
    // 4 characters, 12 bytes each: 12 of them add 48 characters (98 in all, within the bound)
    // but 144 bytes (194 in all, well past it).
    let sent = 6;
    for (let i = 0; i < 12 && !slow.destroyed; i++, sent++) broadcaster.send("你好你好");
    must(slow.destroyed, {
      en: "a client with 194 bytes queued (98 characters; the bound is 100 bytes) was not cut off: count the queue in UTF-8 bytes (Buffer.byteLength), not characters, and past maxQueuedBytes, res.destroy() it",
      zh: "队列里有 194 字节（98 个字符；上限是 100 字节）的客户端没有被切断：队列要按 UTF-8 字节数（Buffer.byteLength）计算，而不是字符数；超过 maxQueuedBytes 就 res.destroy() 它",
    });
    must(broadcaster.dropped === 1, {
      en: `one client was cut off, but dropped says ${broadcaster.dropped}`,
      zh: `切断了一个客户端，dropped 却是 ${broadcaster.dropped}`,
    });
    await tick();
    must(broadcaster.size === 1, {
      en: `after the slow client was cut off and closed, size is ${broadcaster.size}, not 1`,
      zh: `慢客户端被切断并关闭之后，size 是 ${broadcaster.size}，不是 1`,
    });
    must(fast.received.length === sent, {
      en: `the fast client received ${fast.received.length} of ${sent} messages: cutting off a slow client must not affect the others`,
      zh: `${sent} 条消息里，快的客户端只收到了 ${fast.received.length} 条：切断慢客户端不能影响其他客户端`,
    });
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
        must(delivered === 2, {
          en: `with 2 pages listening, POST /api/notifications says it reached ${delivered}`,
          zh: `有 2 个页面在监听，POST /api/notifications 却说送达了 ${delivered} 个`,
        });
        await within(
          Promise.all(pages.map((page) => page.waitFor((r) => r.events.some((e) => e.type === "notice")))),
          3000,
          { en: "the notice never reached both pages", zh: "通知一直没有同时送达两个页面" },
        );
      } finally {
        for (const page of pages) page.abort();
      }
    }),
});
