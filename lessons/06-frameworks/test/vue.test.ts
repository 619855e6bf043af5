// In Chromium: the Vue page. The tests both pages share are in chat-page.ts;
// here, what only Vue needs: onScopeDispose for a connection opened in setup.
import { describeInBrowser } from "@workshop/testkit";
import { expect, it } from "vitest";
import { chatPageTests, serveLesson } from "./chat-page.ts";

const served = serveLesson();

describeInBrowser("lesson 06's Vue page", (browser) => {
  const { page, open, notificationsOpen, openStreams } = chatPageTests("vue", browser, served);

  it("hiding the badge closes its EventSource (onScopeDispose); without it, it stays open", async () => {
    for (const [query, afterHide] of [
      ["", 0],
      ["?trap=no-close", 1],
    ] as const) {
      await open(`vue/${query}`);
      await notificationsOpen();
      await page.getByRole("button", { name: "Hide notifications" }).click();
      await expect.poll(openStreams, { timeout: 10_000 }).toBe(afterHide);
      await page.goto("about:blank");
      await expect.poll(openStreams, { timeout: 10_000 }).toBe(0);
    }
  });

  it("?trap=stale is React's alone: the Vue page says it runs the fix, since its handlers read refs when they run", async () => {
    await open("vue/?trap=stale");
    expect(await page.locator("#trap-on").textContent()).toContain("React's alone");
  });

  it("the badge's own Post a notice button reaches it over lesson 02's notification stream", async () => {
    await open("vue/");
    await notificationsOpen();
    await page.getByRole("button", { name: "Post a notice" }).click();
    await expect.poll(() => page.getByTestId("unread").textContent(), { timeout: 10_000 }).toBe("1");
  });
});
