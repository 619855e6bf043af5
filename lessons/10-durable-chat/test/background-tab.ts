// A tab Chromium can freeze, for the frozen-tab test. Playwright keeps every page it drives
// visible (its focus emulation counts as a capture of the page), and Chromium never freezes
// a visible page: Page.setWebLifecycleState "frozen" does nothing to them. This tab lives in
// a browser context of its own, made through the browser's CDP session, which Playwright
// leaves alone; it is reached with Target.sendMessageToTarget (deprecated, still served).
import type { Browser } from "@workshop/testkit";

type BrowserSession = Awaited<ReturnType<Browser["newBrowserCDPSession"]>>;

interface Message {
  id?: number;
  method?: string;
  result?: unknown;
  error?: { message: string };
}

export interface BackgroundTab {
  /** Runs `fn(arg)` in the page (a self-contained function, as Playwright's evaluate takes). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves once `check(arg)` holds in the page, looked at again on every change to the DOM. */
  until<A>(check: (arg: A) => boolean, arg: A): Promise<void>;
  /** Page.setWebLifecycleState: "frozen" stops the page's tasks (timers, network reads) until "active". */
  setLifecycle(state: "frozen" | "active"): Promise<void>;
  close(): Promise<void>;
}

export async function openBackgroundTab(browser: Browser, url: string): Promise<BackgroundTab> {
  const cdp: BrowserSession = await browser.newBrowserCDPSession();
  const { browserContextId } = await cdp.send("Target.createBrowserContext", {});
  const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank", browserContextId });
  const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: false });

  let lastId = 0;
  const replies = new Map<number, (message: Message) => void>();
  const waiters = new Map<string, () => void>();
  cdp.on("Target.receivedMessageFromTarget", (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as Message;
    if (message.id !== undefined) replies.get(message.id)?.(message);
    if (message.method) waiters.get(message.method)?.();
  });

  async function send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++lastId;
    const reply = new Promise<Message>((resolve) => replies.set(id, resolve));
    await cdp.send("Target.sendMessageToTarget", {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const message = await reply;
    replies.delete(id);
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result as T;
  }
  const nextEvent = (method: string) =>
    new Promise<void>((resolve) =>
      waiters.set(method, () => {
        waiters.delete(method);
        resolve();
      }),
    );

  async function run<R>(expression: string): Promise<R> {
    const { result, exceptionDetails } = await send<{
      result: { value?: R };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as R;
  }

  await send("Page.enable");
  const loaded = nextEvent("Page.loadEventFired");
  await send("Page.navigate", { url });
  await loaded;

  return {
    evaluate: (fn, arg) => run(`(${fn})(${JSON.stringify(arg) ?? "undefined"})`),
    until: (check, arg) =>
      run(`new Promise((resolve) => {
        const check = () => (${check})(${JSON.stringify(arg)});
        if (check()) return resolve();
        const observer = new MutationObserver(() => check() && (observer.disconnect(), resolve()));
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      })`),
    async setLifecycle(state) {
      await send("Page.setWebLifecycleState", { state });
    },
    async close() {
      await cdp.send("Target.disposeBrowserContext", { browserContextId });
      await cdp.detach();
    },
  };
}
