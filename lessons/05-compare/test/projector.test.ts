// Issue 19, in Chromium: on a 1280×720 projector every lesson page shows the
// part being taught (the reply, its metrics and logs) without scrolling,
// after a real reply has filled it. Lesson 05 imports every lesson, so the
// check for all five lives here. SCREENSHOTS=dir saves what the class sees.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer as createPollingServer } from "@workshop/01-polling/server/app.ts";
import { createServer as createSseServer } from "@workshop/02-sse/server/app.ts";
import { createServer as createWebSocketServer } from "@workshop/03-websocket/server/app.ts";
import { createServer as createChatServer } from "@workshop/04-llm-chat/server/app.ts";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import {
  describeInBrowser,
  freshPage,
  type Page,
  type RunningPage,
  startLesson,
  startPage,
} from "@workshop/testkit";
import { MIN_TEXT_PX, measureProjected } from "@workshop/testkit/projector";
import { afterAll, expect, it } from "vitest";
import { createServer as createCompareServer } from "../src/server/app.ts";

const lessonsDir = fileURLToPath(new URL("../..", import.meta.url));
const llm = () => createMockLlm({ timing: steadyTiming(2) });
const PROMPT = "Why do LLM products stream?";

interface LessonPage {
  folder: string;
  start(): Promise<{ url: string; close(): Promise<void> }>;
  prefixes?: string[];
  /** What the instructor does in class: one full reply, so every box has content. */
  demo(page: Page): Promise<void>;
}

const LESSONS: LessonPage[] = [
  {
    folder: "01-polling",
    start: () => startLesson(createPollingServer({ llm: llm() })),
    async demo(page) {
      await page.fill("#interval", "100");
      await page.fill("#prompt", PROMPT);
      for (const mode of ["blocking", "short", "long"]) {
        await page.click(`button[data-run="${mode}"]`);
        await page.locator(`#${mode} .status.done`).waitFor();
      }
    },
  },
  {
    folder: "02-sse",
    start: () => startLesson(createSseServer({ llm: llm() })),
    async demo(page) {
      await page.fill("#prompt", PROMPT);
      await page.click("#ask button[type=submit]");
      await page.waitForFunction(() => document.querySelector("#state")?.textContent === "CLOSED");
    },
  },
  {
    folder: "03-websocket",
    start: () => startLesson(createWebSocketServer({ llm: llm(), isAllowedOrigin: () => true })),
    async demo(page) {
      await page.waitForSelector("#state.done");
      await page.fill("#prompt", PROMPT);
      await page.click("#ask-button");
      const text = llm().replyTokens(PROMPT).join("");
      await page.waitForFunction((t) => document.querySelector("#reply")?.textContent === t, text);
    },
  },
  {
    folder: "04-llm-chat",
    start: () => startLesson(createChatServer({ llm: llm(), log: () => {} })),
    async demo(page) {
      for (const question of [PROMPT, "show me a code example"]) {
        await page.fill("#input", question);
        await page.press("#input", "Enter");
        await page.waitForFunction(
          (n) => document.querySelectorAll(".message.assistant .meta").length >= n,
          question === PROMPT ? 1 : 2,
        );
      }
    },
  },
  {
    folder: "05-compare",
    start: async () => {
      const lesson = await startLesson(
        createCompareServer({
          settings: {
            timing: steadyTiming(5),
            isAllowedOrigin: () => true,
          },
        }),
      );
      await lesson.ready;
      return lesson;
    },
    prefixes: ["/t"],
    async demo(page) {
      await page.fill("#prompt", PROMPT);
      await page.click("#ask button[type=submit]");
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".panel .status")].every((s) => s.textContent === "done"),
      );
    },
  },
];

describeInBrowser("every lesson page on a 1280×720 projector", (browser) => {
  // One tab for the file (a new tab costs a renderer process), and each lesson's servers once:
  // the roomy-layout test below reuses lesson 01's, started by the first test.
  const page = freshPage(browser, () => undefined);
  const running: { server: { close(): Promise<void> }; site: RunningPage }[] = [];
  let firstSite: RunningPage | undefined;
  afterAll(async () => {
    for (const { server, site } of running) {
      await site.close();
      await server.close();
    }
  });

  it.each(LESSONS.map((lesson) => [lesson.folder, lesson] as const))(
    "%s fits without scrolling, chosen by itself on a short screen, with no text too small for the back row",
    async (folder, lesson) => {
      const server = await lesson.start();
      const site = await startPage(join(lessonsDir, folder), server.url, lesson.prefixes);
      running.push({ server, site });
      firstSite ??= site;
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(site.url);
      expect(await page.evaluate(() => document.documentElement.classList.contains("present"))).toBe(true);
      await lesson.demo(page);
      if (process.env.SCREENSHOTS)
        await page.screenshot({ path: join(process.env.SCREENSHOTS, `${folder}.png`) });
      const { width, height, smallest } = await measureProjected(page);
      expect({ width, height }).toEqual({ height: 720, width: 1280 });
      expect(smallest.px, `the smallest text: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    },
  );

  it("keeps the roomy layout on a tall laptop screen, unless ?present asks for the projector's", async () => {
    if (!firstSite) throw new Error("lesson 01's page did not start");
    const present = () => page.evaluate(() => document.documentElement.classList.contains("present"));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(firstSite.url);
    expect(await present()).toBe(false);
    await page.goto(`${firstSite.url}?present`);
    expect(await present()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(`${firstSite.url}?present=0`);
    expect(await present()).toBe(false);
  });
});
