// In Chromium: the side-by-side page, with the browser's own EventSource and WebSocket.
import { fileURLToPath } from "node:url";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { describeInBrowser, freshPage, servePage, startLesson } from "@workshop/testkit";
import { MIN_TEXT_PX } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { afterEach, expect, it } from "vitest";
import { createServer } from "../src/server/app.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const PANES = ["short", "long", "sse", "ws", "chat"];

// One model for the five stations, so a test can hold every answer mid-way. A quick pace:
// nothing here is judged by time, and every frame of five panes streaming costs Chromium paint.
const llm = createMockLlm({ timing: steadyTiming(3) });
const served = servePage(
  root,
  async () => {
    const lesson = await startLesson(
      createServer({
        settings: {
          timing: steadyTiming(3),
          llm,
          retryMs: 100,
          heartbeatMs: 300,
          isAllowedOrigin: () => true,
        },
      }),
    );
    await lesson.ready;
    return lesson;
  },
  { prefixes: ["/t"] },
);

describeInBrowser("lesson 05's side-by-side page", (browser) => {
  const page = freshPage(browser, () => served.site.url);
  afterEach(() => llm.release()); // a test that held the model and failed must not hold the next

  const statuses = () => page.$$eval(".panel .status", (els) => els.map((e) => e.textContent));
  const allFinished = () =>
    page.waitForFunction(
      () => [...document.querySelectorAll(".panel .status")].every((s) => s.textContent !== "streaming"),
      undefined,
      { timeout: 20_000 },
    );

  it("in Chinese (?lang=zh) leaves no label in English, all five panes 完成, and fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, served.site.url, {
      skip: [".reply"], // data, not labels
      act: async () => {
        await page.getByRole("button", { name: "五种一起问" }).click();
        await page.waitForFunction(
          () => [...document.querySelectorAll(".panel .status")].every((s) => s.textContent === "完成"),
          undefined,
          { timeout: 20_000 },
        );
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("streams the same reply through all five transports", async () => {
    const prompt = "为什么要流式输出？";
    await page.fill("#prompt", prompt);
    await page.click("#ask button[type=submit]");
    await allFinished();
    expect(await statuses()).toEqual(["done", "done", "done", "done", "done"]);
    const expected = createMockLlm().replyTokens(prompt).join("");
    for (const id of PANES) expect(await page.textContent(`#${id} .reply`)).toBe(expected);
  });

  it("after 'drop every connection', polling, SSE and WebSocket finish by themselves; the fetch stream stops", async () => {
    const prompt = "Why do LLM products stream?";
    // Every answer waits after 10 tokens until the drop is done: it lands mid-answer on any machine.
    llm.hold(10);
    await page.fill("#prompt", prompt);
    await page.click("#ask button[type=submit]");
    await page.waitForFunction(
      ({ ids, text }) => ids.every((id) => document.querySelector(`#${id} .reply`)?.textContent === text),
      { ids: PANES, text: llm.replyTokens(prompt).slice(0, 10).join("") },
    );
    await page.click('button[data-fault="drop"]');
    await page.getByText("Injected: drop").waitFor();
    llm.release();
    await allFinished();
    expect(await statuses()).toEqual(["done", "done", "done", "done", "gave up"]);
    const expected = createMockLlm().replyTokens(prompt).join("");
    for (const id of ["short", "long", "sse", "ws"])
      expect(await page.textContent(`#${id} .reply`)).toBe(expected);
  });
});
