// In Chromium: the chat page, through Vite's proxy, against the BFF and its mock upstream.
import { fileURLToPath } from "node:url";
import { steadyTiming } from "@workshop/mock-llm";
import { describeInBrowser, freshPage, servePage, startPage } from "@workshop/testkit";
import { MIN_TEXT_PX } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { afterEach, expect, it } from "vitest";
import { holdFramesAndCountRenders } from "./render-counter.ts";
import { startLesson } from "./start.ts";
import { changedKinds, TABLE_AND_CODE_REPLY } from "./table-and-code-reply.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
// A quick pace (fewer frames to paint); a test that acts mid-answer holds the model there instead.
const served = servePage(root, () => startLesson({ timing: steadyTiming(2) }));

describeInBrowser("lesson 04's chat page", (browser) => {
  const page = freshPage(browser, () => served.site.url);
  afterEach(() => served.lesson?.llm.release()); // a test that held the model and failed must not hold the next

  const ask = async (text: string) => {
    await page.fill("#input", text);
    await page.press("#input", "Enter");
  };
  const answered = (n: number) =>
    page.waitForFunction((n) => document.querySelectorAll(".message.assistant .meta").length >= n, n, {
      timeout: 15_000,
      polling: 100, // not per animation frame: one test holds the page's frames
    });

  it("in Chinese (?lang=zh) leaves no label in English, says how the answer went in Chinese, and fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, served.site.url, {
      skip: [".message .body", ".message .error"], // the conversation: data, not labels
      act: async () => {
        await ask("为什么要流式输出？");
        await answered(1);
        await page
          .locator(".message.assistant .meta")
          .getByText(/^首字 .* 个 token · 总计/)
          .waitFor();
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("streams an answer with a blinking cursor, then renders its markdown list and code", async () => {
    served.lesson.llm.hold(5); // mid-answer until released, on any machine
    await ask("show me a code example");
    await page.waitForSelector(".message.assistant .cursor"); // visible while streaming
    expect(await page.isDisabled("#input")).toBe(true); // no typing over a stream
    served.lesson.llm.release();
    await answered(1);
    expect(await page.locator(".message.assistant .cursor").count()).toBe(0);
    expect(await page.locator(".message.assistant pre code").count()).toBe(1);
    expect(await page.textContent(".message.assistant .meta")).toMatch(/first token .* tok\/s/);
  });

  it("streams a table and code blocks without flicker: no block on screen ever changes kind", async () => {
    // After every render of the answer, the tags of its blocks (the cursor aside), in order.
    await page.evaluate(() => {
      const renders: string[][] = [];
      Object.assign(window, { renders });
      new MutationObserver(() => {
        const body = [...document.querySelectorAll(".message.assistant .body")].at(-1);
        const blocks = [...(body?.children ?? [])].filter((block) => !block.classList.contains("cursor"));
        renders.push(blocks.map((block) => block.tagName.toLowerCase()));
      }).observe(document.body, { childList: true, subtree: true });
    });
    await ask(`echo: ${TABLE_AND_CODE_REPLY}`);
    await answered(1);
    const renders = await page.evaluate(() => (window as unknown as { renders: string[][] }).renders);
    expect(renders.at(-1)).toEqual(["p", "table", "pre", "pre", "p"]);
    expect(changedKinds(renders)).toEqual([]);
  });

  it("Stop keeps the partial answer and stops generation on the server", async () => {
    const before = served.lesson.llm.tokensGenerated;
    served.lesson.llm.hold(10); // Stop lands mid-answer on any machine
    await ask("Why do LLM products stream?");
    await page.waitForFunction(
      () => (document.querySelector(".message.assistant .body")?.textContent ?? "").length > 30,
    );
    await page.click("#stop");
    served.lesson.llm.release();
    await answered(1);
    const partial = (await page.textContent(".message.assistant .body")) ?? "";
    expect(partial).toContain("Stopped: the partial answer is kept.");
    await served.lesson.llm.idle();
    expect(served.lesson.llm.running).toBe(0);
    const generated = served.lesson.llm.tokensGenerated - before;
    expect(generated).toBeLessThan(served.lesson.llm.replyTokens("Why do LLM products stream?").length);
  });

  it("renders hostile markup in an answer inert: no script runs, no event handler survives", async () => {
    const hostile =
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> [click](javascript:window.__pwned=1) **bold**';
    await ask(`echo: ${hostile}`);
    await answered(1);
    const body = page.locator(".message.assistant .body");
    expect(await body.locator("script").count()).toBe(0);
    expect(await body.locator("[onerror]").count()).toBe(0);
    expect(await body.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await body.locator("strong").textContent()).toBe("bold"); // markdown still works
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("sends the whole conversation with the second turn, and never re-sends a request by itself", async () => {
    const chatRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/chat")) chatRequests.push(r.postData() ?? "");
    });
    await ask("echo: one");
    await answered(1);
    // What makes some fetch-event-source wrappers re-open the stream (and pay twice):
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    const request = page.waitForRequest((r) => r.url().endsWith("/api/chat"));
    await ask("echo: two");
    const body = JSON.parse((await request).postData() ?? "{}") as {
      messages: { role: string; content: string }[];
    };
    expect(body.messages).toEqual([
      { role: "user", content: "echo: one" },
      { role: "assistant", content: "one" },
      { role: "user", content: "echo: two" },
    ]);
    await answered(2);
    expect(chatRequests).toHaveLength(2); // one per turn
  });

  it("renders at most once per animation frame, however fast tokens arrive: with frames held, once in all", async () => {
    // A server whose tokens arrive far faster than the screen refreshes.
    const burst = await startLesson({ timing: "instant" });
    const burstSite = await startPage(root, burst.url);
    try {
      await page.goto(burstSite.url);
      const counted = await holdFramesAndCountRenders(page);
      await ask("Why do LLM products stream?");
      await answered(1);
      const { renders } = await counted();
      // No frame ran, so the only render is finish()'s; one render per token would be ~121.
      expect(renders).toBe(1);
    } finally {
      await burstSite.close();
      await burst.close();
    }
  });

  it("Shift+Enter adds a new line instead of sending", async () => {
    await page.fill("#input", "line one");
    await page.press("#input", "Shift+Enter");
    await page.type("#input", "line two");
    expect(await page.inputValue("#input")).toBe("line one\nline two");
    expect(await page.locator(".message").count()).toBe(0);
  });
});
