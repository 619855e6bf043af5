// In Chromium: the React page. The tests both pages share are in chat-page.ts;
// here, what only React has (StrictMode's double mount, stale closures), and
// the tutorial's stream reader, which the session uses the same way on both pages.
import { describeInBrowser, postJson } from "@workshop/testkit";
import { MIN_TEXT_PX } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { expect, it } from "vitest";
import { TRAPS } from "../src/stream/traps.ts";
import { chatPageTests, serveLesson } from "./chat-page.ts";

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
      // Both notices reached the page while it was muted (on a busy machine they can come
      // after a click the test makes next): only then is the unread count a verdict.
      await expect.poll(() => page.getByTestId("received").textContent(), { timeout: 10_000 }).toBe("2");
      expect(await unread.textContent()).toBe(countsWhenMuted ? "2" : "0");
      if (!countsWhenMuted) {
        // Unmuted again, the next notice counts: the fresh handler reads the fresh state.
        await page.getByLabel("Mute").uncheck();
        await page.getByRole("button", { name: "Post a notice" }).click(); // the page's own button
        await expect.poll(() => unread.textContent(), { timeout: 10_000 }).toBe("1");
        expect(openStreams(), "a fresh handler must not cost a reconnect").toBe(1);
      }
      await page.goto("about:blank");
      await expect.poll(openStreams, { timeout: 10_000 }).toBe(0);
    }
  });

  it("with Cut inside characters ticked, a Chinese answer reads exactly; the tutorial's stream reader shows �", async () => {
    // The switch is a cookie the server reads: each token with a Chinese character arrives cut inside it.
    try {
      for (const [query, exact] of [
        ["", true],
        ["?trap=tutorial-reader", false],
      ] as const) {
        await open(`react/${query}`);
        await page.getByLabel(/Cut inside characters/).check();
        await ask("为什么要流式输出？");
        await page.getByRole("button", { name: "Stop" }).waitFor({ state: "detached", timeout: 15_000 });
        const text = (await lastAnswer().textContent()) ?? "";
        if (exact) expect(text).toContain("首字时间");
        expect(text.includes("�"), `${query || "the fix"}: ${text.slice(0, 40)}…`).toBe(!exact);
      }
    } finally {
      await page.context().clearCookies();
    }
  });

  it("the lesson's first page has the workshop's look and a link to every trap on each page it applies to", async () => {
    await open("");
    const links = await page
      .locator("#traps a")
      .evaluateAll((anchors) =>
        anchors.map(
          (a) =>
            new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search,
        ),
      );
    expect(links).toEqual(
      Object.entries(TRAPS).flatMap(([name, { pages }]) => pages.map((p) => `/${p}/?trap=${name}`)),
    );
    // page-kit's stylesheet is applied (an unstyled page has the browser's 8 px margin)
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe("0px");
  });

  it("the lesson's first page in Chinese (?lang=zh) says what each trap shows in Chinese, and fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, served.site.url, {
      act: () => page.locator("#traps a").first().waitFor(),
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });
});
