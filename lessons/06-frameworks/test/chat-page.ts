// The tests both pages share, in Chromium: each trap next to its fix
// (`?trap=` puts one common mistake back). react.test.ts and vue.test.ts add
// what only one framework has.
import { fileURLToPath } from "node:url";
import { metricValue } from "@workshop/page-kit";
import { type Browser, freshPage, type Served, servePage } from "@workshop/testkit";
import { expect, it } from "vitest";
import { echoWords, FAST, running, startLesson, within } from "./start.ts";

export const root = fileURLToPath(new URL("..", import.meta.url));

export type Lesson = Awaited<ReturnType<typeof startLesson>>;

/** Lesson 06's server with a model faster than the screen, and its pages, for one test file. */
export const serveLesson = (): Served<Lesson> => servePage(root, () => startLesson({ timing: FAST }));

export function chatPageTests(
  framework: "react" | "vue",
  /** The `?trap=` whose chat keeps streaming after it unmounts. */
  unmountTrap: string,
  browser: () => Browser,
  served: Served<Lesson>,
) {
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

  it("Stop keeps the partial answer and stops the model; Regenerate answers the same question again", async () => {
    await open(`${framework}/`);
    await ask(echoWords(1000));
    await lastAnswer().getByText("w3").waitFor();
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByText("Stopped: the partial answer is kept.").waitFor();
    expect(await within(1000, async () => (await running(served.lesson.url)) === 0)).toBe(true);
    await page.getByRole("button", { name: "Regenerate" }).click();
    await lastAnswer().getByText("w3").waitFor();
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByText("Stopped: the partial answer is kept.").waitFor();
    expect(await page.locator(".message.user").count()).toBe(1); // the same question, answered again
    expect(await page.locator(".message.assistant").count()).toBe(1); // the new answer replaced the old
  });

  it("closing the chat mid-answer stops the generation on the server within a second", async () => {
    for (const [query, stops] of [
      ["", true],
      [`?trap=${unmountTrap}`, false],
    ] as const) {
      await open(`${framework}/${query}`);
      await ask(echoWords(1000));
      await lastAnswer().getByText("w3").waitFor(); // a few tokens in
      if (stops) await expect.poll(() => metric("generating on the server"), { timeout: 2000 }).toBe(1);
      await page.getByRole("button", { name: "Close chat" }).click();
      // The fix must stop it within a second; the trap is still generating 600 ms later.
      const stopped = await within(stops ? 1000 : 600, async () => (await running(served.lesson.url)) === 0);
      expect(stopped, `${query || "the fix"}: generation stopped`).toBe(stops);
      // The page shows it too, from the same GET /api/health.
      if (stops) await expect.poll(() => metric("generating on the server"), { timeout: 2000 }).toBe(0);
      await page.goto("about:blank"); // leaves: the trap's stream ends with the page
      await within(5000, async () => (await running(served.lesson.url)) === 0);
    }
  });

  it("1,000 tokens faster than the screen render about once per frame, not once per token", async () => {
    // The fix with 1,000 tokens; the trap needs only 200 to show a render per token.
    for (const [query, batched, words] of [
      ["", true, 500],
      ["?trap=per-token", false, 100],
    ] as const) {
      await open(`${framework}/${query}`);
      await page.evaluate(() => {
        const counter = { frames: 0 };
        Object.assign(window, { counter });
        const tick = () => {
          counter.frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const before = await metric("renders");
      await ask(echoWords(words)); // twice as many tokens: the words and the spaces between
      await answered();
      const renders = (await metric("renders")) - before;
      const frames = await page.evaluate(
        () => (window as unknown as { counter: { frames: number } }).counter.frames,
      );
      const tokens = await metric("tokens");
      // Near one render per frame: a few more come from the question, Stop appearing, the
      // final text, and the virtualizer re-measuring a growing row within a frame.
      if (batched) {
        expect(renders, `${renders} renders in ${frames} frames`).toBeLessThanOrEqual(1.5 * frames + 10);
        expect(renders, `${renders} renders for ${tokens} tokens`).toBeLessThan(tokens / 4);
      } else {
        // A render for every network read, so for most tokens, give or take the ones that
        // shared a read (React batches those, and a loaded machine batches more): at least
        // a quarter of the tokens, where the fix stays under it.
        expect(renders, `${renders} renders for ${tokens} tokens in ${frames} frames`).toBeGreaterThanOrEqual(
          tokens / 4,
        );
      }
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
    const size = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
    ]);
    expect(size, "the page scrolls on a projector").toEqual([1280, 720]);
  });

  return { page, open, ask, answered, lastAnswer, notificationsOpen, openStreams };
}
