// In Chromium: lesson 10's pages through the page lifecycle. A reload, a second tab, Stop
// from another tab, a frozen tab, a dropped network and the back/forward cache, each
// mid-answer: the model is held after a few tokens (`llm.hold`) until the test has done
// its deed, so every moment is the same on any machine, and each test is judged by what
// the page read (its text, the offsets it asked for and counted, the generations run).
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { describeInBrowser, freshPage, type Page, servePage, startLesson } from "@workshop/testkit";
import { MIN_TEXT_PX, measureProjected } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { expect, it } from "vitest";
import type { ChatView } from "../src/protocol.ts";
import { createServer } from "../src/server/app.ts";
import { openBackgroundTab } from "./background-tab.ts";
import { countingGenerations } from "./chat-client.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const { llm, generations } = countingGenerations(createMockLlm({ timing: steadyTiming(2) }));
const served = servePage(root, () => startLesson(createServer({ llm })));

/** What the page's input holds when it loads, so Send asks it. */
const QUESTION = "Why do LLM products stream their answers?";
const tokens = llm.replyTokens(QUESTION);
const reply = tokens.join("");
/** Tokens the model writes before it waits for the test: offsets 0 to HELD - 1. */
const HELD = 5;
const heldText = tokens.slice(0, HELD).join("");

const chatId = () => `c-${randomUUID()}`;
const chatUrl = (chat: string, path = "/") => new URL(`${path}?chat=${chat}`, served.site.url).href;

// Functions run in a tab (by Playwright's evaluate, or the background tab's): self-contained.
interface Reading {
  /** Every text the newest answer showed, in order. */
  seen: string[];
  /** Its text when the status first said the answer ended: what this tab read, before it shows the server's copy. */
  atEnd: string | null;
}

const recordReading = () => {
  const reading: Reading = { seen: [], atEnd: null };
  Object.assign(window, { reading });
  const look = () => {
    const text = [...document.querySelectorAll(".message.assistant .text")].at(-1)?.textContent ?? null;
    if (text !== null && reading.seen.at(-1) !== text) reading.seen.push(text);
    if (reading.atEnd === null && document.getElementById("status")?.textContent?.startsWith("answer "))
      reading.atEnd = text;
  };
  look();
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
};
const readingSoFar = () => (window as unknown as { reading?: Reading }).reading;
const answerText = () => [...document.querySelectorAll(".message.assistant .text")].at(-1)?.textContent ?? "";
const answerHas = (chars: number) =>
  ([...document.querySelectorAll(".message.assistant .text")].at(-1)?.textContent?.length ?? 0) >= chars;
const statusStarts = (start: string) =>
  document.getElementById("status")?.textContent?.startsWith(start) ?? false;
const textIn = (selector: string) => document.querySelector(selector)?.textContent ?? "";
const lifecycleIs = (events: string) => document.documentElement.dataset.lifecycle === events;

/** Every text the tab showed was the reply's start (a token twice, or one skipped, is not), and it read all of it. */
function expectReadExactly(reading: Reading | undefined) {
  expect(reading, "the page was not loaded again (its recording is still there)").toBeDefined();
  expect(
    reading?.seen.filter((text) => !reply.startsWith(text)),
    "texts the answer showed that are not the reply's start",
  ).toEqual([]);
  expect(reading?.atEnd, "the text this tab had read when the run's end arrived").toBe(reply);
}

/** The page's own tally of the offsets it received: where it began, how many, gaps and repeats. */
function tallyOf(text: string) {
  const match = /^read from offset (\d+) · (\d+) tokens · gaps (\d+) · repeats (\d+)$/.exec(text);
  if (!match) throw new Error(`the tally says "${text}"`);
  const [from, count, gaps, repeats] = match.slice(1).map(Number);
  return { from, count, gaps, repeats };
}
/** Read from `from` to the end: every token once, in order. */
const exactFrom = (from: number) => ({ from, count: tokens.length - from, gaps: 0, repeats: 0 });

const serverView = async (chat: string) =>
  (await (await fetch(`${served.lesson.url}/api/chats/${chat}`)).json()) as ChatView;

describeInBrowser("lesson 10's page through the page lifecycle", (browser) => {
  const page = freshPage(browser, () => undefined);

  /** Waits until the newest answer shows as many characters as `text`, then expects exactly `text`. */
  async function expectAnswer(tab: Page, text: string) {
    await tab.waitForFunction(answerHas, text.length);
    expect(await tab.evaluate(answerText)).toBe(text);
  }
  /** The status line says the answer ended: "answer complete · 121 tokens", "answer stopped · 5 tokens". */
  const untilEnded = (tab: Page, reason: string) => tab.waitForFunction(statusStarts, `answer ${reason} · `);
  const tally = async (tab: Page) => tallyOf(await tab.evaluate(textIn, "#tally"));

  /** Where each request for the run's events began, as the browser sent it: ?after=<offset>, or -1 for the start. */
  function runReads(tab: Page): number[] {
    const afters: number[] = [];
    tab.on("request", (request) => {
      const url = new URL(request.url());
      if (/^\/api\/runs\/[^/]+\/events$/.test(url.pathname))
        afters.push(Number(url.searchParams.get("after") ?? -1));
    });
    return afters;
  }

  /** Another tab beside the page, in the same browser context (its own sessionStorage); its uncaught errors fail the test. */
  async function secondTab() {
    const tab = await page.context().newPage();
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    return {
      tab,
      async close() {
        await tab.close();
        expect(errors, "uncaught errors in the second tab").toEqual([]);
      },
    };
  }

  /** Opens the chat and sends the page's question; the model waits after HELD tokens, which the tab shows. */
  async function askHeld(tab: Page, chat: string) {
    llm.hold(HELD);
    await tab.goto(chatUrl(chat));
    await tab.getByRole("button", { name: "Send" }).click();
    await expectAnswer(tab, heldText);
  }

  it("in Chinese (?lang=zh) the question, the answer's status, its tally and footer leave no label in English, and it fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, chatUrl(chatId()), {
      skip: [".message .text"], // the conversation's text: data, not labels
      act: async () => {
        expect(await page.inputValue("#input")).toBe("为什么 LLM 产品要流式输出回答？");
        await page.getByRole("button", { name: "发送" }).click();
        await page.waitForFunction(statusStarts, "回答完成 · ");
        await page.getByRole("button", { name: "重新生成" }).click();
        await page.locator(".versions", { hasText: "2 / 2" }).waitFor();
        await page.waitForFunction(statusStarts, "回答完成 · ");
        await page.getByRole("button", { name: "上一个版本" }).waitFor();
        await expect.poll(() => page.textContent("#tally")).toMatch(/^从偏移量 0 开始读 · \d+ 个 token/);
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("in Chinese (?lang=zh) the AI SDK page's labels, status and a stopped answer's footer leave no label in English, and it fits 1280×720", async () => {
    llm.hold(HELD);
    try {
      const { lang, english, view } = await viewInChinese(page, chatUrl(chatId(), "/ai-sdk/"), {
        skip: [".message .text"], // the conversation's text: data, not labels
        act: async () => {
          expect(await page.inputValue("input")).toBe("为什么 LLM 产品要流式输出回答？");
          await page.getByRole("button", { name: "发送" }).click();
          await page.waitForFunction(answerHas, 1);
          await page.getByRole("button", { name: "停止" }).click();
          await page.locator(".message.assistant.stopped footer", { hasText: "已停止" }).waitFor();
          await page.locator("[role=status]", { hasText: /^就绪$/ }).waitFor();
        },
      });
      expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
      expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
      expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
        MIN_TEXT_PX,
      );
    } finally {
      llm.release();
    }
  });

  it("a reload mid-answer reads on from the offset this tab kept: the whole reply, nothing lost, nothing twice", async () => {
    const chat = chatId();
    const reads = runReads(page);
    try {
      await askHeld(page, chat);
      await page.reload();
      await expectAnswer(page, heldText); // what the tab kept, shown before anything is read
      await page.evaluate(recordReading);
      llm.release();
      await untilEnded(page, "complete");
      expectReadExactly(await page.evaluate(readingSoFar));
      expect(await tally(page)).toEqual(exactFrom(HELD));
      expect(reads, "the run read from its start, then after the kept offset").toEqual([-1, HELD - 1]);
    } finally {
      llm.release();
    }
  });

  it("a second tab opened mid-answer shows the same answer live, and both tabs end with the same text", async () => {
    const chat = chatId();
    const { tab: second, close } = await secondTab();
    try {
      await askHeld(page, chat);
      await page.evaluate(recordReading);
      await second.goto(chatUrl(chat));
      // Live: the second tab shows the answer so far while the model is still on it.
      await expectAnswer(second, heldText);
      await second.evaluate(recordReading);
      llm.release();
      await Promise.all([untilEnded(page, "complete"), untilEnded(second, "complete")]);
      for (const tab of [page, second]) {
        expectReadExactly(await tab.evaluate(readingSoFar));
        // Neither kept anything before, so each read the run from its start.
        expect(await tally(tab)).toEqual(exactFrom(0));
      }
    } finally {
      llm.release();
      await close();
    }
  });

  it("Stop pressed in one tab ends the answer in the other too: the model stops, and the answer is kept, marked stopped", async () => {
    const chat = chatId();
    const { tab: second, close } = await secondTab();
    const before = generations();
    try {
      await askHeld(page, chat);
      await second.goto(chatUrl(chat));
      await expectAnswer(second, heldText);
      await second.getByRole("button", { name: "Stop" }).click();
      await Promise.all([untilEnded(page, "stopped"), untilEnded(second, "stopped")]);
      // Held, the model's generation ends only when it is aborted: idle is the proof Stop reached it.
      await llm.idle();
      expect(llm.running).toBe(0);
      expect(generations() - before).toBe(1);
      for (const tab of [page, second]) {
        const answer = tab.locator(".message.assistant").last();
        await answer.locator(".answer-status", { hasText: "stopped" }).waitFor();
        expect(await answer.getAttribute("class")).toContain("stopped");
        expect(await answer.locator(".text").textContent()).toBe(heldText);
        expect(await answer.locator(".answer-status").textContent()).toBe(`stopped · ${HELD} tokens`);
        expect(await tab.getByRole("button", { name: "Stop" }).isHidden()).toBe(true);
      }
      expect((await serverView(chat)).messages.at(-1)).toMatchObject({ status: "stopped", text: heldText });
    } finally {
      llm.release();
      await close();
    }
  });

  it("a background tab frozen mid-answer reads nothing while frozen, and catches up when it thaws: the whole reply, exactly", async () => {
    const chat = chatId();
    try {
      await askHeld(page, chat);
      const background = await openBackgroundTab(browser(), chatUrl(chat));
      try {
        await background.until(answerHas, heldText.length);
        expect(await background.evaluate(answerText)).toBe(heldText);
        await background.evaluate(recordReading);
        // The page lifecycle's own events, written where a wait in the page can see them.
        await background.evaluate(() => {
          const seen: string[] = [];
          for (const type of ["freeze", "resume"])
            document.addEventListener(type, () => {
              seen.push(type);
              document.documentElement.dataset.lifecycle = seen.join(" ");
            });
        });
        await background.setLifecycle("frozen");
        await background.until(lifecycleIs, "freeze"); // frozen now: then the answer goes on
        llm.release();
        await untilEnded(page, "complete"); // the answer ended, read whole by the tab in front
        expect(await background.evaluate(answerText), "what the frozen tab shows").toBe(heldText);
        await background.setLifecycle("active");
        await background.until(statusStarts, "answer complete · ");
        expectReadExactly(await background.evaluate(readingSoFar));
        expect(tallyOf(await background.evaluate(textIn, "#tally"))).toEqual(exactFrom(0));
        expect(await background.evaluate(lifecycleIs, "freeze resume")).toBe(true);
      } finally {
        await background.close();
      }
    } finally {
      llm.release();
    }
  });

  it("offline mid-answer, the page says it waits for the network, and on `online` reads on from its offset to the whole reply, without a reload", async () => {
    const chat = chatId();
    const context = page.context();
    const reads = runReads(page);
    try {
      await askHeld(page, chat);
      await page.evaluate(recordReading); // gone if the page were loaded again
      await context.setOffline(true);
      await page.waitForFunction(statusStarts, "offline");
      expect(await page.getAttribute("#status", "class")).toContain("waiting");
      llm.release();
      await llm.idle(); // the answer ended while this tab could not read it
      await context.setOffline(false);
      await untilEnded(page, "complete");
      expectReadExactly(await page.evaluate(readingSoFar));
      // One reading, to the end, in two requests: none while offline, the second after the last offset it had.
      expect(await tally(page)).toEqual(exactFrom(0));
      expect(reads).toEqual([-1, HELD - 1]);
    } finally {
      llm.release();
      await context.setOffline(false);
    }
  });

  it("away and back mid-answer (the back/forward cache, or here a fresh load), the page reads on from its kept offset to the whole reply", async () => {
    const chat = chatId();
    const reads = runReads(page);
    try {
      await askHeld(page, chat);
      await page.goto("about:blank");
      await page.goBack();
      await expectAnswer(page, heldText);
      await page.evaluate(recordReading);
      llm.release();
      await untilEnded(page, "complete");
      expectReadExactly(await page.evaluate(readingSoFar));
      expect(await tally(page)).toEqual(exactFrom(HELD));
      expect(reads).toEqual([-1, HELD - 1]);
    } finally {
      llm.release();
    }
  });

  // Playwright starts Chromium with --disable-back-forward-cache, so the test above is a fresh
  // load; this one sends the page the events a stay in the cache brings, pagehide and pageshow.
  it("restored from the back/forward cache (`pageshow`, persisted), the page lets the run go while away and reads on from where it was", async () => {
    const chat = chatId();
    const reads = runReads(page);
    try {
      await askHeld(page, chat);
      await page.evaluate(recordReading);
      await page.evaluate(() => dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true })));
      // Away, it holds no connection (a page holding one is not kept in the cache).
      await expect.poll(() => served.lesson.chat.readers(), { timeout: 10_000 }).toBe(0);
      await page.evaluate(() => dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true })));
      llm.release();
      await untilEnded(page, "complete");
      expectReadExactly(await page.evaluate(readingSoFar));
      expect(await tally(page)).toEqual(exactFrom(HELD));
      expect(reads).toEqual([-1, HELD - 1]);
    } finally {
      llm.release();
    }
  });

  it("the AI SDK's useChat with resume: true survives a reload mid-answer: the whole reply exactly, from one generation", async () => {
    const chat = chatId();
    const before = generations();
    /** What GET /api/chat/:id/stream answered: useChat asks it on every load. */
    const resumes: number[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === `/api/chat/${chat}/stream`) resumes.push(response.status());
    });
    llm.hold(HELD);
    try {
      await page.goto(chatUrl(chat, "/ai-sdk/"));
      await page.getByRole("button", { name: "Send" }).click();
      await expectAnswer(page, heldText);
      await page.reload();
      await expectAnswer(page, heldText); // the SDK replays the run from its start into the answer it resumes
      await page.evaluate(recordReading);
      llm.release();
      await page.locator("[role=status]", { hasText: /^ready$/ }).waitFor();
      await expectAnswer(page, reply);
      const reading = await page.evaluate(readingSoFar);
      expect(reading?.seen.filter((text) => !reply.startsWith(text))).toEqual([]);
      expect(await page.locator(".message.user").count()).toBe(1);
      expect(await page.locator(".message.assistant").count()).toBe(1);
      expect(resumes, "nothing to resume on the first load; the answer, after the reload").toEqual([
        204, 200,
      ]);
      expect(generations() - before).toBe(1);
      const view = await serverView(chat);
      expect(view.messages.map(({ role, status }) => [role, status])).toEqual([
        ["user", "complete"],
        ["assistant", "complete"],
      ]);
      expect(view.messages.at(-1)?.text).toBe(reply);
    } finally {
      llm.release();
    }
  });

  it("Regenerate keeps the old answer as version 1 of 2: ‹ and › step between them, and a reload shows the branch the server keeps", async () => {
    const chat = chatId();
    await page.goto(chatUrl(chat));
    await page.getByRole("button", { name: "Send" }).click();
    await untilEnded(page, "complete");
    const first = await page.locator(".message.assistant").getAttribute("data-id");
    await page.getByRole("button", { name: "Regenerate" }).click();
    await page.locator(".versions", { hasText: "2 / 2" }).waitFor();
    await untilEnded(page, "complete");
    const second = await page.locator(".message.assistant").getAttribute("data-id");
    expect(second).not.toBe(first);
    await page.getByRole("button", { name: "Previous version" }).click();
    await page.locator(".versions", { hasText: "1 / 2" }).waitFor();
    expect(await page.locator(".message.assistant").getAttribute("data-id")).toBe(first);
    await page.getByRole("button", { name: "Next version" }).click();
    await page.locator(".versions", { hasText: "2 / 2" }).waitFor();
    expect(await page.locator(".message.assistant").getAttribute("data-id")).toBe(second);
    const view = await serverView(chat);
    expect(view.messages.filter((m) => m.role === "assistant").map((m) => m.id)).toEqual([first, second]);
    await page.reload();
    await page.locator(".versions", { hasText: "2 / 2" }).waitFor();
    expect(await page.locator(".message.assistant").getAttribute("data-id")).toBe(view.branch.at(-1));
  });

  it("on a 1280×720 projector, after a long answer and a regenerated one, the page fits and no text is too small", async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(chatUrl(chatId()));
    await page.getByRole("button", { name: "Send" }).click();
    await untilEnded(page, "complete");
    await page.getByRole("button", { name: "Regenerate" }).click();
    await page.locator(".versions", { hasText: "2 / 2" }).waitFor();
    await untilEnded(page, "complete");
    await page.getByRole("button", { name: "Previous version" }).waitFor();
    expect(await page.locator(".message.assistant .text").textContent()).toBe(reply);
    const { width, height, smallest } = await measureProjected(page);
    expect([width, height]).toEqual([1280, 720]);
    expect(smallest.px, `the smallest text: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });

  it("a send that fails offline keeps the typed text, and sent again it is the same message: one generation", async () => {
    const chat = chatId();
    const sentIds: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith(`/api/chats/${chat}/messages`))
        sentIds.push((request.postDataJSON() as { id: string }).id);
    });
    await page.goto(chatUrl(chat));
    const before = generations();
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Send" }).click();
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Send again"));
    expect(await page.inputValue("#input")).toBe(QUESTION);
    await page.context().setOffline(false);
    await page.getByRole("button", { name: "Send" }).click();
    await untilEnded(page, "complete");
    expect(await page.evaluate(answerText)).toBe(reply);
    expect(generations() - before).toBe(1);
    expect(new Set(sentIds).size, `the ids sent: ${sentIds.join(", ")}`).toBe(1);
  });

  it("the link to the AI SDK page keeps the chat, and there a stopped answer says so", async () => {
    const chat = chatId();
    await page.goto(chatUrl(chat));
    await page.getByRole("button", { name: "Send" }).click();
    await untilEnded(page, "complete");
    await page.getByRole("link", { name: /AI SDK/ }).click();
    await page.waitForURL(/\/ai-sdk\/\?chat=/);
    expect(new URL(page.url()).searchParams.get("chat")).toBe(chat);
    await page.locator(".message.assistant").first().waitFor();
    expect(await page.locator(".message").count()).toBe(2);
    llm.hold(HELD);
    try {
      await page.getByRole("button", { name: "Send" }).click();
      await page.waitForFunction((n) => document.querySelectorAll(".message").length === n, 4);
      await page.getByRole("button", { name: "Stop" }).click();
      await page.locator(".message.assistant.stopped footer", { hasText: "stopped" }).waitFor();
    } finally {
      llm.release();
    }
  });

  it("on a 1280×720 projector, the answer being written stays in view from the fourth question on", async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(chatUrl(chatId()));
    for (let i = 1; i <= 3; i++) {
      await page.getByRole("button", { name: "Send" }).click();
      // The i-th answer has ended: its footer no longer says "…".
      await page.waitForFunction((n) => {
        const states = document.querySelectorAll(".message.assistant .answer-status");
        return states.length === n && states[n - 1]?.textContent?.startsWith("complete");
      }, i);
      await page.fill("#input", QUESTION);
    }
    llm.hold(HELD);
    try {
      await page.getByRole("button", { name: "Send" }).click();
      await page.waitForFunction((n) => document.querySelectorAll(".message.assistant").length === n, 4);
      await expectAnswer(page, heldText);
      const box = await page.locator(".message.assistant .text").last().boundingBox();
      expect(box, "the answer being written").not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(720);
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      const { width, height } = await measureProjected(page);
      expect([width, height]).toEqual([1280, 720]);
    } finally {
      llm.release();
    }
  });

  it("a run the server no longer has (404) is not read again and again: the page says so, once", async () => {
    const chat = chatId();
    let reads = 0;
    await page.route("**/api/runs/*/events*", (route) => {
      reads++;
      return route.fulfill({
        status: 404,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "unknown_run", message: "No run." } }),
      });
    });
    llm.hold(HELD);
    try {
      await page.goto(chatUrl(chat));
      await page.getByRole("button", { name: "Send" }).click();
      await page.waitForFunction(statusStarts, "this answer's run is no longer kept");
      expect(reads).toBe(1);
    } finally {
      llm.release();
      await page.unroute("**/api/runs/*/events*");
    }
  });
});
