// In Chromium: the React page. The tests both pages share are in chat-page.ts;
// here, what only React has (StrictMode's double mount, stale closures), and
// the tutorial's stream reader, which the session uses the same way on both pages.
import { describeInBrowser, postJson, startPage } from "@workshop/testkit";
import { expect, it } from "vitest";
import { chatPageTests, root, serveLesson } from "./chat-page.ts";
import { chunkedBff } from "./start.ts";

const served = serveLesson();

describeInBrowser("lesson 06's React page", (browser) => {
  const { page, open, ask, lastAnswer, notificationsOpen, openStreams } = chatPageTests(
    "react",
    browser,
    served,
  );

  it("under StrictMode the badge holds exactly one EventSource; without cleanup, two", async () => {
    for (const [query, expected] of [
      ["", 1],
      ["?trap=no-close", 2],
    ] as const) {
      await open(`react/${query}`);
      await notificationsOpen();
      await expect.poll(openStreams, { timeout: 10_000 }).toBe(expected);
      await page.goto("about:blank");
      await expect.poll(openStreams, { timeout: 10_000 }).toBe(0);
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
      if (countsWhenMuted) await expect.poll(() => unread.textContent(), { timeout: 10_000 }).toBe("2");
      else {
        // Unmuted again, the next notice counts: proof the first two arrived and were ignored.
        await page.getByLabel("Mute").uncheck();
        await page.getByRole("button", { name: "Post a notice" }).click(); // the page's own button
        await expect.poll(() => unread.textContent(), { timeout: 10_000 }).toBe("1");
        expect(openStreams(), "a fresh handler must not cost a reconnect").toBe(1);
      }
      await page.goto("about:blank");
      await expect.poll(openStreams, { timeout: 10_000 }).toBe(0);
    }
  });

  it("the tutorial's stream reader garbles a stream cut inside 你 and sent with CRLF; lesson 04's streamChat reads it exactly", async () => {
    const encoder = new TextEncoder();
    const event = (content: string) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\r\n\r\n`;
    const bytes = encoder.encode(`${event("你好")}${event("，世界")}data: [DONE]\r\n\r\n`);
    // One byte into 你 and one into 世, sent 100 ms apart: the trap garbles a character whenever
    // one cut lands between two reads, even on a busy machine that merges some chunks into one.
    const cuts = ["你", "世"].map((char) => Buffer.from(bytes).indexOf(char) + 1);
    const bff = await chunkedBff(
      [bytes.slice(0, cuts[0]), bytes.slice(cuts[0], cuts[1]), bytes.slice(cuts[1])],
      100,
    );
    const site = await startPage(root, bff.url);
    try {
      for (const [query, exact] of [
        ["", true],
        ["?trap=tutorial-reader", false],
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
