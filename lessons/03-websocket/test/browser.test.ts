// In Chromium: the page's own reconnection, through Vite's proxy, against a real server.

import { fileURLToPath } from "node:url";
import { metricValue } from "@workshop/page-kit";
import {
  type BrowserContext,
  describeInBrowser,
  type Page,
  type RunningPage,
  startPage,
} from "@workshop/testkit";
import { MIN_TEXT_PX } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { STEADY, startLesson } from "./start.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let lesson: Awaited<ReturnType<typeof startLesson>>;
let site: RunningPage;
let pageOrigin = "";

beforeAll(async () => {
  lesson = await startLesson({ timing: STEADY, isAllowedOrigin: (origin) => origin === pageOrigin });
  site = await startPage(root, lesson.url);
  pageOrigin = new URL(site.url).origin;
});
afterAll(async () => {
  await site?.close();
  await lesson?.close();
});

describeInBrowser("lesson 03's page", (browser) => {
  let page: Page;
  // One browser context for the file: every tab shares its HTTP cache, so only the first
  // loads the page's modules cold (a new context per test paid that each time).
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser().newContext();
  });
  afterAll(() => context.close());
  const openPage = async () => {
    const p = await context.newPage();
    await p.goto(site.url);
    await p.waitForSelector("#state.done"); // "open"
    return p;
  };
  beforeEach(async () => {
    page = await openPage();
  });
  afterEach(async () => {
    lesson.llm.release(); // a test that held the model and failed must not hold the next
    await page.close();
  });

  const ask = async (prompt: string) => {
    await page.fill("#prompt", prompt);
    await page.click("#ask-button");
  };
  const replyIs = (expected: string) =>
    page.waitForFunction((text) => document.querySelector("#reply")?.textContent === text, expected, {
      timeout: 10_000,
    });

  it("in Chinese (?lang=zh) leaves no label in English, streams the Chinese reply, and fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, site.url, {
      skip: ["#reply", "#frames", "#chat-log"], // data, not labels
      act: async () => {
        await page.locator("#state").getByText("已连接").waitFor(); // the socket's state, in Chinese
        await page.getByRole("button", { name: "提问" }).click(); // the Chinese placeholder is the question
        await page.waitForFunction(() =>
          /[\u4e00-\u9fff]/.test(document.querySelector("#reply")?.textContent ?? ""),
        );
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("streams a reply over the WebSocket", async () => {
    const prompt = "为什么要流式输出？";
    await ask(prompt);
    await replyIs(lesson.llm.replyTokens(prompt).join(""));
  });

  it("after a drop, reconnects with backoff, resumes, and finishes with the exact text", async () => {
    const prompt = "Why do LLM products stream?";
    // The model waits after 10 tokens until the drop is done: the drop lands mid-answer on any machine.
    lesson.llm.hold(10);
    await ask(prompt);
    await replyIs(lesson.llm.replyTokens(prompt).slice(0, 10).join(""));
    // The "waiting" state may last only a few ms (full jitter), and the frames log keeps only
    // its latest lines: record every state and every frame line the page shows instead of
    // hoping a later look still finds them.
    await page.evaluate(() => {
      const state = document.querySelector("#state") as HTMLElement;
      const frames = document.querySelector("#frames") as HTMLElement;
      const seen: string[] = [];
      const lines: string[] = [];
      Object.assign(window, { statesSeen: seen, framesSeen: lines });
      new MutationObserver(() => seen.push(state.textContent ?? "")).observe(state, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) lines.push(node.textContent ?? "");
      }).observe(frames, { childList: true });
    });
    await page.click("#drop");
    await page.waitForFunction(() =>
      (window as unknown as { statesSeen: string[] }).statesSeen.some((text) =>
        /waiting · attempt 1, retry in/.test(text),
      ),
    );
    lesson.llm.release();
    await replyIs(lesson.llm.replyTokens(prompt).join(""));
    expect(await page.textContent("#state")).toBe("open");
    expect(await page.textContent(`#metrics ${metricValue("Duplicated / lost")}`)).toBe("0 / 0");
    const framesSeen = await page.evaluate(() => (window as unknown as { framesSeen: string[] }).framesSeen);
    expect(framesSeen.some((line) => line.includes("closed 1006"))).toBe(true);
  });

  it("lets two pages chat through the server", async () => {
    const other = await openPage();
    try {
      await page.fill("#chat-text", "hello from tab one");
      await page.click("#chat button[type=submit]");
      await other.waitForFunction(() =>
        (document.querySelector("#chat-log")?.textContent ?? "").includes("hello from tab one"),
      );
      await other.fill("#chat-text", "你好，来自第二个标签页");
      await other.click("#chat button[type=submit]");
      await page.waitForFunction(() =>
        (document.querySelector("#chat-log")?.textContent ?? "").includes("你好，来自第二个标签页"),
      );
    } finally {
      await other.close();
    }
  });
});
