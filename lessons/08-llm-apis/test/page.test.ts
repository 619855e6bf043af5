// In Chromium: lesson 08's page through Vite's proxy, against the BFF and its mocks.
import { fileURLToPath } from "node:url";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { describeInBrowser, freshPage, servePage, startLesson } from "@workshop/testkit";
import { MIN_TEXT_PX, measureProjected } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { expect, it } from "vitest";
import { PROVIDERS } from "../src/protocol.ts";
import { createServer } from "../src/server/app.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const llm = createMockLlm({ timing: steadyTiming(2) });
const served = servePage(root, () => startLesson(createServer({ llm, env: {} })));

describeInBrowser("lesson 08's page", (browser) => {
  const page = freshPage(browser, () => served.site.url);
  const finished = (n: number) =>
    page.waitForFunction((n) => document.querySelectorAll(".message.assistant .finish").length >= n, n);

  it("in Chinese (?lang=zh) a tool call, its usage and its end leave no label in English, and it fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, served.site.url, {
      // The conversation, the wire and the providers' names: data, not labels.
      skip: [
        ".message .body",
        ".message.user",
        ".meta.provider",
        "#wire",
        "#provider option",
        ".tool-args",
        ".tool-result",
      ],
      act: async () => {
        await page.selectOption("#provider", "openai-responses");
        await page.getByRole("button", { name: "工具调用" }).click();
        await finished(1);
        await page
          .locator(".message.assistant .finish")
          .getByText(/^结束：/)
          .waitFor();
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("every provider's answer streams into the page, its own events on the wire pane", async () => {
    for (const [i, provider] of PROVIDERS.entries()) {
      await page.selectOption("#provider", provider);
      await page.getByRole("button", { name: "Send" }).click();
      await finished(i + 1);
      const body = page.locator(".message.assistant .body").nth(i);
      expect(await body.textContent()).toContain("Time to first token"); // the markdown, rendered
      expect(await page.locator("#wire li").count()).toBeGreaterThan(10);
    }
    // Each format's own event names, as the provider sent them.
    await page.selectOption("#provider", "anthropic");
    await page.getByRole("button", { name: "Send" }).click();
    await finished(PROVIDERS.length + 1);
    expect(await page.locator("#wire b").allTextContents()).toEqual(
      expect.arrayContaining(["message_start", "content_block_delta", "ping", "message_stop"]),
    );
  });

  it("a tool call shows its arguments filling in, the server's result, then the answer using it", async () => {
    await page.selectOption("#provider", "openai-responses");
    // Every state the arguments box goes through, recorded by the page itself.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { seen });
      new MutationObserver(() => {
        const args = document.querySelector(".tool-args")?.textContent;
        if (args && seen.at(-1) !== args) seen.push(args);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole("button", { name: "Tool call" }).click();
    await finished(1);
    expect(JSON.parse((await page.textContent(".tool-args")) ?? "")).toEqual({ city: "Hangzhou" });
    const seen = (await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).map((s) =>
      JSON.parse(s),
    );
    // Shown while they streamed (partial JSON: test/partial-arguments.test.ts), not only at the end.
    expect(seen.length, JSON.stringify(seen)).toBeGreaterThan(1);
    expect(seen.slice(0, -1)).not.toContainEqual({ city: "Hangzhou" });
    expect(await page.textContent(".tool-result")).toContain("light rain");
    expect(await page.textContent(".message.assistant .body")).toContain("light rain");
    expect(await page.textContent(".message.assistant .usage")).toMatch(/usage: \d+ in · \d+ out/);
  });

  // One test per provider. The model waits after 10 tokens (`hold`), so Stop lands mid-answer on
  // any machine; only Stop can end a held answer, so the model idle again proves the upstream aborted.
  it.for(PROVIDERS)("Stop ends %s's answer, aborts the upstream, and there is no usage", async (provider) => {
    llm.hold(10);
    try {
      await page.getByLabel("Message").fill("Why do LLM products stream?");
      await page.selectOption("#provider", provider);
      await page.getByRole("button", { name: "Send" }).click();
      await page.locator(".message.assistant .body").waitFor();
      await page.getByRole("button", { name: "Stop" }).click();
      await finished(1);
      expect(await page.locator(".message.assistant .usage").count()).toBe(0);
      await expect.poll(() => served.lesson.running.count, { timeout: 10_000 }).toBe(0);
      await llm.idle(); // held, the mock's generation ends only when its request is aborted
    } finally {
      llm.release();
    }
  });

  it("each answer says which provider gave it, and New chat starts a conversation of its own", async () => {
    await page.selectOption("#provider", "gemini");
    await page.getByRole("button", { name: "Send" }).click();
    await finished(1);
    expect(await page.locator(".message.assistant .provider").textContent()).toBe("Gemini");
    await page.getByRole("button", { name: "New chat" }).click();
    expect(await page.locator("#messages .message").count()).toBe(0);
    expect(await page.locator("#wire li").count()).toBe(0);
  });

  it("DashScope's text-only path turns the tool and reasoning buttons off, and says why", async () => {
    await page.selectOption("#provider", "dashscope");
    await expect.poll(() => page.getByRole("button", { name: "Tool call" }).isDisabled()).toBe(true);
    expect(await page.locator("#text-only").isVisible()).toBe(true);
    await page.selectOption("#provider", "anthropic");
    expect(await page.getByRole("button", { name: "Tool call" }).isDisabled()).toBe(false);
  });

  it("reasoning is open while the model thinks, and folds away once the answer begins", async () => {
    llm.hold(5); // the model stops after five tokens of its reasoning, until released
    try {
      await page.selectOption("#provider", "anthropic");
      await page.getByRole("button", { name: "Reasoning" }).click();
      await page.locator(".reasoning[open] .reasoning-text").waitFor();
      expect(await page.locator(".reasoning-text").textContent()).not.toBe("");
    } finally {
      llm.release();
    }
    await finished(1);
    expect(await page.locator(".reasoning").getAttribute("open")).toBeNull();
    expect(await page.locator(".reasoning-text").textContent()).toMatch(/^The user asks why/);
  });

  it("on a 1280×720 projector, after a long answer, the page fits, no text is too small, and event numbers in the hundreds show whole", async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(served.site.url);
    await page.selectOption("#provider", "anthropic"); // the most events per answer
    await page.getByRole("button", { name: "Send" }).click();
    await finished(1);
    expect(await page.locator("#wire li").count()).toBeGreaterThan(100);
    const { width, height, smallest } = await measureProjected(page);
    expect([width, height]).toEqual([1280, 720]);
    expect(smallest.px, `the smallest text: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    const room = await page.locator("#wire").evaluate((wire) => {
      const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      context.font = getComputedStyle(wire).font;
      return {
        marker: context.measureText("1000. ").width,
        padding: Number.parseFloat(getComputedStyle(wire).paddingLeft),
      };
    });
    expect(room.marker, "the widest row number fits the list's margin").toBeLessThanOrEqual(room.padding);
  });
});
