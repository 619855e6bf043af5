import { defineChecks, type LessonCode, must, mustEventually, waitUntil } from "@workshop/exercises";
import type * as Follow from "../../src/client/follow-run.ts";
import type { EndData } from "../../src/protocol.ts";
import { GUARD_MS, newChatId, newMessage, REPLY, withChat } from "../with-chat.ts";

/** Longer than a check may run (15 s): a read that comes sooner came from an event, not this timer. */
const NEVER_MS = 60_000;
/** A short retryMs, for the checks that wait it out (or must not). */
const RETRY_MS = 20;

/** The window, or the document, as followRun uses them: events to fire, and the listeners on it. */
class FakeTarget extends EventTarget {
  visibilityState: DocumentVisibilityState = "visible";
  readonly #listeners = new Map<string, Set<unknown>>();
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions | boolean,
  ) {
    super.addEventListener(type, listener, options);
    if (!listener) return;
    const added = this.#listeners.get(type) ?? new Set();
    this.#listeners.set(type, added.add(listener));
  }
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: EventListenerOptions | boolean,
  ) {
    super.removeEventListener(type, listener, options);
    this.#listeners.get(type)?.delete(listener);
  }
  /** The events listened for, once per listener: ["online", "pageshow"]. */
  get listening(): string[] {
    return [...this.#listeners].flatMap(([type, listeners]) => [...listeners].map(() => type));
  }
  fire(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

interface Reader {
  window: FakeTarget;
  document: FakeTarget;
  following: Follow.Following;
  /** The `after` each read of the run asked for, while online ("" for none). */
  reads: string[];
  /** Reads tried while offline (each fails, as fetch does offline). */
  offlineTries: () => number;
  offsets: number[];
  end: () => EndData | undefined;
  setOnline(online: boolean): void;
  /** Cuts the read in progress, as a dropped network does, and waits until followRun says "waiting". */
  cut(): Promise<void>;
  /** Lets the held answer go on to its end. */
  release(): void;
  /** What is still listening: "" when nothing. */
  leftListening(): string;
}

/**
 * followRun, in Node, on a run of the lesson's server (held after 3 tokens): its relative URLs
 * go to the server, `document` is a fake one, and the check decides when the network is up.
 */
async function reading(
  code: LessonCode,
  retryMs: number,
  use: (reader: Reader) => Promise<void>,
): Promise<void> {
  const { followRun } = await code.load<typeof Follow>("src/client/follow-run.ts");
  await withChat(code, {}, async (lesson) => {
    lesson.llm.hold(3);
    const { runId } = await lesson.client.send(newChatId(), newMessage());
    const fakeWindow = new FakeTarget();
    const fakeDocument = new FakeTarget();
    const reads: string[] = [];
    const offsets: number[] = [];
    const states: string[] = [];
    let end: EndData | undefined;
    let online = true;
    let offlineTries = 0;
    let connection = new AbortController();
    const realFetch = globalThis.fetch;
    const documentBefore = Object.getOwnPropertyDescriptor(globalThis, "document");
    globalThis.fetch = (input, init) => {
      if (typeof input !== "string" || !input.startsWith("/")) return realFetch(input, init);
      if (!online) {
        offlineTries++;
        return new Promise((_, reject) => setTimeout(() => reject(new TypeError("Failed to fetch")), 0));
      }
      reads.push(new URL(input, lesson.url).searchParams.get("after") ?? "");
      connection = new AbortController();
      const signal = init?.signal ? AbortSignal.any([init.signal, connection.signal]) : connection.signal;
      return realFetch(new URL(input, lesson.url), { ...init, signal });
    };
    Object.defineProperty(globalThis, "document", {
      value: fakeDocument,
      configurable: true,
      writable: true,
    });
    const following = followRun(
      runId,
      -1,
      {
        onToken: (_text, offset) => offsets.push(offset),
        onEnd: (ended) => {
          end = ended;
        },
        onState: (state) => states.push(state),
      },
      { events: fakeWindow as unknown as Window, online: () => online, retryMs },
    );
    try {
      await mustEventually(() => offsets.length >= 3, GUARD_MS, {
        en: "followRun never got the run's first 3 tokens",
        zh: "followRun 一直没拿到这个 run 的前 3 个 token",
      });
      await use({
        window: fakeWindow,
        document: fakeDocument,
        following,
        reads,
        offlineTries: () => offlineTries,
        offsets,
        end: () => end,
        setOnline: (value) => {
          online = value;
        },
        async cut() {
          const waited = states.filter((state) => state === "waiting").length;
          connection.abort();
          await mustEventually(
            () => states.filter((state) => state === "waiting").length > waited,
            GUARD_MS,
            {
              en: "the read was cut, and followRun never said it was waiting",
              zh: "读取被切断了，followRun 却一直没说它在等待",
            },
          );
        },
        release: () => lesson.llm.release(),
        leftListening: () =>
          [
            ...fakeWindow.listening.map((type) => `window "${type}"`),
            ...fakeDocument.listening.map((type) => `document "${type}"`),
          ].join(", "),
      });
    } finally {
      following.leave();
      globalThis.fetch = realFetch;
      if (documentBefore) Object.defineProperty(globalThis, "document", documentBefore);
      else Reflect.deleteProperty(globalThis, "document");
    }
  });
}

/** After the read came back: the rest of the answer, once, and nothing left listening. */
async function readsTheRest(reader: Reader, after: { en: string; zh: string }): Promise<void> {
  must(reader.reads.at(-1) === "2", {
    en: `${after.en}, followRun read again with ?after=${reader.reads.at(-1)}, not ?after=2 (the last offset it had)`,
    zh: `${after.zh}，followRun 重新读时带的是 ?after=${reader.reads.at(-1)}，而不是 ?after=2（它拿到的最后一个偏移量）`,
  });
  must(reader.leftListening() === "", {
    en: `${after.en}, followRun still listens to ${reader.leftListening()}: once the wait is over, remove what it added, or every cut leaves more behind`,
    zh: `${after.zh}，followRun 还在监听 ${reader.leftListening()}：等待一结束，就移除它加上的监听器，否则每切断一次就多留下一些`,
  });
  reader.release();
  await mustEventually(() => reader.end() !== undefined, GUARD_MS, {
    en: `${after.en}, the rest of the answer never came`,
    zh: `${after.zh}，回答剩下的部分一直没来`,
  });
  must(reader.offsets.length === REPLY.length && reader.offsets.every((offset, i) => offset === i), {
    en: `${after.en}, the page got ${reader.offsets.length} tokens, not offsets 0 to ${REPLY.length - 1} once each`,
    zh: `${after.zh}，页面拿到了 ${reader.offsets.length} 个 token，而不是偏移量 0 到 ${REPLY.length - 1} 各一次`,
  });
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "offline, it sets no timer and waits for `online`, then reads again at once from its offset":
    "离线时不设定时器，等待 `online`，然后立即从它的偏移量重新读",
  "`pageshow` (back from the back/forward cache) reads again at once, not after retryMs":
    "`pageshow`（从往返缓存回来）时立即重新读，而不是等 retryMs",
  "a tab shown again (`visibilitychange`, visible) reads again at once; hidden, it does not":
    "重新显示的标签页（`visibilitychange`，visible）立即重新读；隐藏时不读",
  "online, with nothing from the page, it reads again after retryMs":
    "在线且页面没有任何事件时，retryMs 之后重新读",
  "leave() while waiting ends the wait and leaves nothing listening; resume() reads again at once":
    "等待中调用 leave() 会结束等待，不留下任何监听器；resume() 会立即重新读",
};

export default defineChecks({
  "offline, it sets no timer and waits for `online`, then reads again at once from its offset": (code) =>
    reading(code, RETRY_MS, async (reader) => {
      reader.setOnline(false);
      await reader.cut();
      await waitUntil(() => reader.offlineTries() > 0, 10 * RETRY_MS); // ten retryMs: a timer would have fired
      must(reader.offlineTries() === 0, {
        en: `offline, followRun tried to read again ${reader.offlineTries()} time(s): nothing can work until the network is back, so offline set no timer and wait for the window's \`online\` event`,
        zh: `离线时，followRun 尝试重新读了 ${reader.offlineTries()} 次：网络恢复之前什么都不会成功，所以离线时不要设定时器，而是等 window 的 \`online\` 事件`,
      });
      reader.setOnline(true);
      reader.window.fire("online");
      await mustEventually(() => reader.reads.length >= 2, GUARD_MS, {
        en: "back online (the window fired `online`), followRun did not read again: resolve on `online`",
        zh: "网络恢复后（window 触发了 `online`），followRun 没有重新读：在 `online` 时 resolve",
      });
      await readsTheRest(reader, { en: "back online", zh: "网络恢复后" });
    }),

  "`pageshow` (back from the back/forward cache) reads again at once, not after retryMs": (code) =>
    reading(code, NEVER_MS, async (reader) => {
      await reader.cut();
      reader.window.fire("pageshow");
      await mustEventually(() => reader.reads.length >= 2, GUARD_MS, {
        en: "the window fired `pageshow`, and followRun did not read again (it would after retryMs, a minute here): a page shown again reads at once",
        zh: "window 触发了 `pageshow`，followRun 却没有重新读（要等 retryMs 之后才会读，这里是一分钟）：重新显示的页面要立即读",
      });
      await readsTheRest(reader, { en: "after `pageshow`", zh: "`pageshow` 之后" });
    }),

  "a tab shown again (`visibilitychange`, visible) reads again at once; hidden, it does not": (code) =>
    reading(code, NEVER_MS, async (reader) => {
      reader.document.visibilityState = "hidden";
      await reader.cut();
      reader.document.fire("visibilitychange");
      await waitUntil(() => reader.reads.length >= 2, 10 * RETRY_MS);
      must(reader.reads.length === 1, {
        en: "the tab was hidden (visibilitychange, visibilityState hidden), and followRun read again: only a tab shown again is worth it",
        zh: "标签页是隐藏的（visibilitychange，visibilityState 为 hidden），followRun 却重新读了：只有重新显示的标签页才值得读",
      });
      reader.document.visibilityState = "visible";
      reader.document.fire("visibilitychange");
      await mustEventually(() => reader.reads.length >= 2, GUARD_MS, {
        en: "the tab was shown again (document fired `visibilitychange`, visibilityState visible), and followRun did not read again",
        zh: "标签页重新显示了（document 触发了 `visibilitychange`，visibilityState 为 visible），followRun 却没有重新读",
      });
      await readsTheRest(reader, { en: "shown again", zh: "重新显示后" });
    }),

  "online, with nothing from the page, it reads again after retryMs": (code) =>
    reading(code, RETRY_MS, async (reader) => {
      await reader.cut();
      await mustEventually(() => reader.reads.length >= 2, GUARD_MS, {
        en: `online, followRun never read again after a cut (retryMs is ${RETRY_MS} ms here): keep the timer`,
        zh: `在线时，读取被切断之后 followRun 一直没有重新读（这里 retryMs 是 ${RETRY_MS} ms）：保留这个定时器`,
      });
      await readsTheRest(reader, { en: "after retryMs", zh: "retryMs 之后" });
    }),

  "leave() while waiting ends the wait and leaves nothing listening; resume() reads again at once": (code) =>
    reading(code, NEVER_MS, async (reader) => {
      await reader.cut();
      reader.following.resume();
      await mustEventually(() => reader.reads.length >= 2, GUARD_MS, {
        en: "resume() while waiting did not read again: it calls `wake`, so point `wake` at the function that ends the wait",
        zh: "等待中调用 resume() 没有重新读：它调用的是 `wake`，所以要让 `wake` 指向结束等待的那个函数",
      });
      await reader.cut();
      reader.following.leave();
      await mustEventually(() => reader.leftListening() === "", GUARD_MS, {
        en: `leave() while waiting left followRun listening to ${reader.leftListening()}: leave() calls \`wake\`, which must end the wait and remove what it added`,
        zh: `等待中调用 leave() 之后，followRun 还在监听 ${reader.leftListening()}：leave() 调用的是 \`wake\`，它必须结束等待，并移除加上的监听器`,
      });
      must(reader.reads.length === 2, {
        en: "after leave(), followRun read the run again",
        zh: "leave() 之后，followRun 又读了一次这个 run",
      });
    }),
});
