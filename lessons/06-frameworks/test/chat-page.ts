// The tests both pages share, in Chromium: each trap next to its fix
// (`?trap=` puts one common mistake back). react.test.ts and vue.test.ts add
// what only one framework has.
import { fileURLToPath } from "node:url";
import { metricValue } from "@workshop/page-kit";
import { type Browser, freshPage, type Page, type Served, servePage, startPage } from "@workshop/testkit";
import { MIN_TEXT_PX, measureProjected } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { afterEach, expect, it } from "vitest";
import { TRAPS } from "../src/stream/traps.ts";
import { echoWords, FAST, startLesson, steppedBff } from "./start.ts";

/** What renders an answer costs besides its tokens: the question, Stop appearing and going, the final flush. */
const RENDERS_BESIDE_TOKENS = 8;

interface HeldFrames {
  __frames: { turn(): void };
}

/**
 * An init script: the page's requestAnimationFrame callbacks wait until the test calls
 * `__frames.turn()`, which runs those due (one frame). Only for the render-count test's own tab.
 */
const HOLD_FRAMES = `(() => {
  let due = new Map();
  let next = 1;
  window.requestAnimationFrame = (callback) => (due.set(next, callback), next++);
  window.cancelAnimationFrame = (handle) => due.delete(handle);
  window.__frames = {
    turn() {
      const callbacks = [...due.values()];
      due = new Map();
      for (const callback of callbacks) callback(performance.now());
    },
  };
})();`;

const lastAnswerIn = (page: Page) => page.locator(".message.assistant .body").last();

export const root = fileURLToPath(new URL("..", import.meta.url));

export type Lesson = Awaited<ReturnType<typeof startLesson>>;

/** Lesson 06's server with a model faster than the screen, and its pages, for one test file. */
export const serveLesson = (): Served<Lesson> => servePage(root, () => startLesson({ timing: FAST }));

export function chatPageTests(framework: "react" | "vue", browser: () => Browser, served: Served<Lesson>) {
  const page = freshPage(browser, () => undefined); // every test opens the framework's page it needs
  const open = (path: string, site = served.site.url) => page.goto(`${site}${path}`);
  const ask = async (text: string) => {
    await page.getByLabel("Message").fill(text);
    await page.getByRole("button", { name: "Send" }).click();
  };
  const answered = () =>
    page.getByRole("button", { name: "Stop" }).waitFor({ state: "detached", timeout: 15_000 });
  const metric = async (name: string) => Number(await page.locator(metricValue(name)).textContent());
  const lastAnswer = () => page.locator(".message.assistant .body").last();
  const notificationsOpen = () =>
    page
      .getByRole("status")
      .getByText(/· open/)
      .waitFor();
  const openStreams = () => served.lesson.openStreams.size;
  // A test that stops an answer holds the model after "w3" (token 8), so Stop lands mid-answer on
  // any machine and the page paints ten tokens, not hundreds, before it.
  const holdAfterW3 = () => served.lesson.llm.hold(10);
  afterEach(() => served.lesson?.llm.release()); // a test that held the model and failed must not hold the next
  /**
   * Sends (`send`), stops the answer at "w3", waits for the page to say so, then lets the model
   * go: a model Stop did not stop would now run on to its 2,000th token.
   */
  const stopAtW3 = async (
    send: () => Promise<unknown>,
    { stop = "Stop", stopped = "Stopped: the partial answer is kept." } = {},
  ) => {
    holdAfterW3();
    await send();
    await lastAnswer().getByText("w3").waitFor();
    await page.getByRole("button", { name: stop }).click();
    await page.getByText(stopped).waitFor();
    served.lesson.llm.release();
  };

  it("in Chinese (?lang=zh) the chat, the badge, the metrics and a trap's banner leave no label in English, and it fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(
      page,
      `${served.site.url}${framework}/?trap=tutorial-reader`,
      {
        skip: [".message .body"], // the questions and answers: data, not labels
        act: async () => {
          await page.getByRole("status").getByText("已连接").waitFor();
          await page.getByLabel("消息").fill(echoWords(1000));
          await stopAtW3(() => page.getByRole("button", { name: "发送" }).click(), {
            stop: "停止",
            stopped: "已停止：已收到的部分回答保留下来了。",
          });
          await served.lesson.llm.idle(); // stopped: nothing runs on into the next test
          await expect.poll(() => page.locator("#trap-on").textContent()).toContain("陷阱已开启"); // the longest banner
        },
      },
    );
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("the Fast model switch sends the question to the server's fast model, many tokens a frame", async () => {
    await open(`${framework}/`);
    const [fast, usual] = [served.lesson.fastLlm.tokensGenerated, served.lesson.llm.tokensGenerated];
    await page.getByLabel(/Fast model/).check();
    await ask("echo: one two three");
    await answered();
    expect((await lastAnswer().textContent())?.trim()).toBe("one two three");
    expect(served.lesson.fastLlm.tokensGenerated - fast).toBeGreaterThan(0);
    expect(served.lesson.llm.tokensGenerated - usual).toBe(0);
  });

  it("a page running a trap says so on screen and what it shows; a name that is no trap is said to be the fix", async () => {
    await open(`${framework}/?trap=no-abort`);
    expect(await page.locator("#trap-on").textContent()).toContain(
      `?trap=no-abort: ${TRAPS["no-abort"].shows}`,
    );
    await open(`${framework}/?trap=seed`);
    expect(await page.locator("#trap-on").textContent()).toContain(
      'No trap is called "seed": this is the fix',
    );
    await open(`${framework}/`);
    expect(await page.locator("#trap-on").isVisible()).toBe(false);
  });

  it("Stop keeps the partial answer and stops the model; Regenerate answers the same question again", async () => {
    await open(`${framework}/`);
    const before = served.lesson.llm.tokensGenerated;
    await stopAtW3(() => ask(echoWords(1000)));
    await served.lesson.llm.idle(); // the model stopped…
    expect(served.lesson.llm.tokensGenerated - before).toBeLessThan(2000); // …before the end of its answer
    await stopAtW3(() => page.getByRole("button", { name: "Regenerate" }).click());
    expect(await page.locator(".message.user").count()).toBe(1); // the same question, answered again
    expect(await page.locator(".message.assistant").count()).toBe(1); // the new answer replaced the old
  });

  it("closing the chat mid-answer stops the generation on the server; without cleanup it runs on", async () => {
    // Judged by tokens, not milliseconds: the fix's model stops before the end of its
    // 2,000-token answer; the trap's goes on producing hundreds more after the chat closed.
    const { llm } = served.lesson;
    for (const [query, stops] of [
      ["", true],
      ["?trap=no-abort", false],
    ] as const) {
      await open(`${framework}/${query}`);
      const before = llm.tokensGenerated;
      holdAfterW3();
      await ask(echoWords(1000));
      await lastAnswer().getByText("w3").waitFor(); // a few tokens in
      if (stops) await expect.poll(() => metric("generating on the server"), { timeout: 10_000 }).toBe(1);
      await page.getByRole("button", { name: "Close chat" }).click();
      const atClose = llm.tokensGenerated;
      llm.release(); // what the close did not stop runs on from here
      if (stops) {
        await llm.idle();
        expect(llm.tokensGenerated - before, "the fix: generation stopped mid-answer").toBeLessThan(2000);
        // The page shows it too, from GET /api/health (polled every 500 ms).
        await expect.poll(() => metric("generating on the server"), { timeout: 10_000 }).toBe(0);
      } else {
        await expect.poll(() => llm.tokensGenerated - atClose, { timeout: 10_000 }).toBeGreaterThan(300);
        expect(llm.running, `${query}: still generating for a chat nobody sees`).toBe(1);
      }
      await page.goto("about:blank"); // leaves: the trap's stream ends with the page
      await llm.idle();
    }
  });

  // A hang guard longer than the suite's 15 s: a machine with one busy core takes that long for 1,000 tokens.
  it("1,000 tokens render once per animation frame, not once per token: with frames held, the answer costs a handful of renders", {
    timeout: 30_000,
  }, async () => {
    // The test owns the page's animation frames (HOLD_FRAMES), so neither claim depends on how
    // many tokens a busy machine happens to deliver per frame or per network read.
    const frameHeld = await page.context().newPage(); // beside the file's tab: its HTTP cache is warm
    const metricHeld = async (name: string) =>
      Number(await frameHeld.locator(metricValue(name)).textContent());
    const turnFrame = () => frameHeld.evaluate(() => (window as unknown as HeldFrames).__frames.turn());
    try {
      await frameHeld.addInitScript(HOLD_FRAMES);
      // The fix: 1,000 tokens as fast as the model makes them, and no frame while they stream:
      // it renders only for what is not a token (the question, Stop appearing and going, the flush).
      await frameHeld.goto(`${served.site.url}${framework}/`);
      await turnFrame(); // the page's first paint
      const before = await metricHeld("renders");
      await frameHeld.getByLabel("Message").fill(echoWords(500)); // twice as many tokens: the words and the spaces
      await frameHeld.getByRole("button", { name: "Send" }).click();
      await frameHeld.getByRole("button", { name: "Stop" }).waitFor({ state: "detached", timeout: 15_000 });
      await turnFrame(); // the metrics panel draws
      expect(await lastAnswerIn(frameHeld).textContent({ timeout: 2000 })).toContain("w9 w0");
      expect(await metricHeld("tokens")).toBe(1000);
      const renders = (await metricHeld("renders")) - before;
      expect(renders, `${renders} renders for 1,000 tokens, no frame`).toBeLessThanOrEqual(
        RENDERS_BESIDE_TOKENS,
      );
    } finally {
      await frameHeld.close();
    }
  });

  it("the per-token trap renders once for every token that arrives in a network read of its own", async () => {
    // Twenty tokens, each written only once the page shows the one before: twenty reads, on any
    // machine. Still no frame: the fix would show none of them; the trap renders every one.
    const bff = await steppedBff();
    const site = await startPage(root, bff.url);
    const frameHeld = await page.context().newPage();
    const rendersHeld = async () => {
      await frameHeld.evaluate(() => (window as unknown as HeldFrames).__frames.turn()); // the panel draws
      return Number(await frameHeld.locator(metricValue("renders")).textContent());
    };
    try {
      await frameHeld.addInitScript(HOLD_FRAMES);
      await frameHeld.goto(`${site.url}${framework}/?trap=per-token`);
      const rendersBefore = await rendersHeld();
      await frameHeld.getByLabel("Message").fill("hi");
      await frameHeld.getByRole("button", { name: "Send" }).click();
      const tokens = Array.from({ length: 20 }, (_, i) => `t${i} `);
      for (const token of tokens) {
        await bff.send(token);
        await frameHeld.waitForFunction(
          (text) =>
            document
              .querySelectorAll(".message.assistant .body")[0]
              ?.textContent?.trimEnd()
              .endsWith(text.trim()),
          token,
          { polling: 20 }, // the page's requestAnimationFrame is held: poll on a timer
        );
      }
      await bff.end();
      await frameHeld.getByRole("button", { name: "Stop" }).waitFor({ state: "detached", timeout: 15_000 });
      const renders = (await rendersHeld()) - rendersBefore;
      expect(renders, `${renders} renders for ${tokens.length} tokens, one read each`).toBeGreaterThanOrEqual(
        tokens.length,
      );
    } finally {
      await frameHeld.close();
      await site.close();
      await bff.close();
    }
  });

  it("5,000 messages keep a few dozen rows in the DOM; a markdown answer streams in without yanking a reader who scrolled up; the page fits a 1280×720 projector", async () => {
    await open(`${framework}/`);
    await page.getByRole("button", { name: "Load 5,000 messages" }).click();
    await page.getByText("Answer 4999:").waitFor(); // scrolled to the newest
    expect(await page.locator(".message").count()).toBeLessThan(60);
    await page.locator(".messages").evaluate((list) => list.scrollTo({ top: 0 }));
    await page.getByText("Question 0?").waitFor();
    // The names a screen reader (and this test) use: "Message", "Send", "Stop".
    await ask("Why do LLM products stream?");
    await page.getByRole("button", { name: "Stop" }).waitFor();
    await answered();
    expect(await page.getByText("Question 0?").isVisible(), "the reader was yanked to the bottom").toBe(true);
    // The metrics panel redraws once per frame, so it may show the last tokens a frame after Stop goes.
    await expect
      .poll(() => metric("tokens"))
      .toBe(served.lesson.llm.replyTokens("Why do LLM products stream?").length);
    await page.locator(".messages").evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await expect.poll(() => lastAnswer().locator("strong").count()).toBeGreaterThan(0); // markdown, sanitized
    const { width, height, smallest } = await measureProjected(page);
    expect([width, height], "the page scrolls on a projector").toEqual([1280, 720]);
    expect(smallest.px, `the smallest text: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    await open(`${framework}/?trap=tutorial-reader`); // the longest banner a class will see
    const withBanner = await measureProjected(page);
    expect([withBanner.width, withBanner.height], "the page with a trap's banner scrolls").toEqual([
      1280, 720,
    ]);
  });

  return { page, open, ask, answered, lastAnswer, notificationsOpen, openStreams };
}
