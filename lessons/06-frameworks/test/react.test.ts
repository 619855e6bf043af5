// In Chromium: the React page against lesson 06's server, each
// trap next to its fix (`?trap=` puts one common mistake back).
import { fileURLToPath } from "node:url";
import { metricValue } from "@workshop/page-kit";
import { describeInBrowser, freshPage, postJson, servePage, startPage } from "@workshop/testkit";
import { expect, it } from "vitest";
import { chunkedBff, echoWords, FAST, running, startLesson, within } from "./start.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const served = servePage(root, () => startLesson({ timing: FAST }));

describeInBrowser("lesson 06's React page", (browser) => {
  const page = freshPage(browser, () => served.site.url);
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
    await open(`react/`);
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
      ["?trap=seed", false],
    ] as const) {
      await open(`react/${query}`);
      await ask(echoWords(1000));
      await lastAnswer().getByText("w3").waitFor(); // a few tokens in
      await page.getByRole("button", { name: "Close chat" }).click();
      // The fix must stop it within a second; the trap is still generating 600 ms later.
      const stopped = await within(stops ? 1000 : 600, async () => (await running(served.lesson.url)) === 0);
      expect(stopped, `${query || "the fix"}: generation stopped`).toBe(stops);
      await page.goto("about:blank"); // leaves: the trap's stream ends with the page
      await within(5000, async () => (await running(served.lesson.url)) === 0);
    }
  });

  it("a 200-token answer faster than the screen renders about once per frame, not once per token", async () => {
    for (const [query, batched] of [
      ["", true],
      ["?trap=per-token", false],
    ] as const) {
      await open(`react/${query}`);
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
      await ask(echoWords(100)); // 200 tokens: 100 words and the spaces between
      await answered();
      const renders = (await metric("renders")) - before;
      const frames = await page.evaluate(
        () => (window as unknown as { counter: { frames: number } }).counter.frames,
      );
      const tokens = await metric("tokens");
      // The few renders beyond one per frame are the question, Stop appearing and the final text.
      if (batched) expect(renders, `${renders} renders in ${frames} frames`).toBeLessThanOrEqual(frames + 10);
      else
        expect(renders, `${renders} renders for ${tokens} tokens in ${frames} frames`).toBeGreaterThan(
          2 * frames,
        );
    }
  });

  it("5,000 messages keep a few dozen rows in the DOM; a markdown answer streams in without yanking a reader who scrolled up", async () => {
    await open(`react/`);
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
    expect(await metric("tokens")).toBe(served.lesson.llm.replyTokens("Why do LLM products stream?").length);
    await page.locator(".messages").evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await expect.poll(() => lastAnswer().locator("strong").count()).toBeGreaterThan(0); // markdown, sanitized
  });

  it("under StrictMode the badge holds exactly one EventSource; without cleanup, two", async () => {
    for (const [query, expected] of [
      ["", 1],
      ["?trap=no-cleanup", 2],
    ] as const) {
      await open(`react/${query}`);
      await notificationsOpen();
      await expect.poll(openStreams, { timeout: 2000 }).toBe(expected);
      await page.goto("about:blank");
      await expect.poll(openStreams, { timeout: 2000 }).toBe(0);
    }
  });

  it("Mute mutes, because the handler reads the latest state (no stale closure), without reconnecting", async () => {
    for (const [query, countsWhenMuted] of [
      ["", false],
      ["?trap=stale", true],
    ] as const) {
      await open(`react/${query}`);
      await notificationsOpen();
      await page.getByLabel("Mute").check();
      await postJson(`${served.lesson.url}/api/notifications`, { text: "hello" });
      await postJson(`${served.lesson.url}/api/notifications`, { text: "again" });
      const unread = page.getByTestId("unread");
      if (countsWhenMuted) await expect.poll(() => unread.textContent()).toBe("2");
      else {
        // Unmuted again, the next notice counts: proof the first two arrived and were ignored.
        await page.getByLabel("Mute").uncheck();
        await postJson(`${served.lesson.url}/api/notifications`, { text: "now" });
        await expect.poll(() => unread.textContent()).toBe("1");
        expect(openStreams(), "a fresh handler must not cost a reconnect").toBe(1);
      }
      await page.goto("about:blank");
      await expect.poll(openStreams, { timeout: 2000 }).toBe(0);
    }
  });

  it("the tutorial hook garbles a stream cut inside 你 and sent with CRLF; useChatStream reads it exactly", async () => {
    const encoder = new TextEncoder();
    const event = (content: string) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\r\n\r\n`;
    const bytes = encoder.encode(`${event("你好")}${event("，世界")}data: [DONE]\r\n\r\n`);
    const cut = encoder.encode(event("").slice(0, event("").indexOf('""'))).length + 2; // inside 你
    const bff = await chunkedBff([bytes.slice(0, cut), bytes.slice(cut)]);
    const site = await startPage(root, bff.url);
    try {
      for (const [query, exact] of [
        ["", true],
        ["?trap=seed", false],
      ] as const) {
        await open(`react/${query}`, site.url);
        await ask("hi");
        await page.getByRole("button", { name: "Stop" }).waitFor({ state: "detached", timeout: 5000 });
        const text = (await lastAnswer().textContent())?.trim();
        if (exact) expect(text).toBe("你好，世界");
        else expect(text).not.toBe("你好，世界");
      }
    } finally {
      await site.close();
      await bff.close();
    }
  });
});
