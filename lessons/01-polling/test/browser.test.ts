// In Chromium: the real page, through Vite's proxy, against a real server.
import { fileURLToPath } from "node:url";
import { metricValue } from "@workshop/page-kit";
import {
  describeInBrowser,
  freshPage,
  HOW_TO_GET_A_CJK_FONT,
  hasCjkFont,
  servePage,
} from "@workshop/testkit";
import { MIN_TEXT_PX } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { beforeEach, expect, it } from "vitest";
import { startLesson } from "./start.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const served = servePage(root, () =>
  startLesson({ timing: { firstTokenDelayMs: 100, tokenDelayMs: 5, jitterMs: 0 } }),
);

describeInBrowser("lesson 01's page", (browser) => {
  const page = freshPage(browser, () => served.site.url);
  beforeEach(async () => {
    await page.fill("#interval", "100");
  });

  async function ask(mode: "blocking" | "short" | "long", prompt: string): Promise<string> {
    await page.fill("#prompt", prompt);
    await page.click(`button[data-run="${mode}"]`);
    await page.locator(`#${mode} .status.done`).waitFor({ timeout: 10_000 });
    return (await page.textContent(`#${mode} .reply`)) ?? "";
  }

  it("in Chinese (?lang=zh) leaves no label in English, all three panels done, and fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, served.site.url, {
      skip: [".reply", ".log"], // data, not labels
      act: async () => {
        await page.fill("#interval", "100");
        await page.getByRole("button", { name: "三种一起问" }).click();
        for (const mode of ["blocking", "short", "long"])
          await page.locator(`#${mode} .status.done`).getByText("完成").waitFor({ timeout: 10_000 });
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("shows a reply arriving by short polling, complete and in order", async () => {
    const prompt = "Why do LLM products stream?";
    expect(await ask("short", prompt)).toBe(served.lesson.llm.replyTokens(prompt).join(""));
    expect(await page.textContent(`#short .metrics ${metricValue("Duplicated tokens")}`)).toBe("0");
  });

  it("shows a reply arriving by long polling, complete and in order", async () => {
    const prompt = "为什么要流式输出？";
    expect(await ask("long", prompt)).toBe(served.lesson.llm.replyTokens(prompt).join(""));
  });

  it("shows the blocking reply only once it is whole: time to first token equals total time", async () => {
    await page.uncheck("#typewriter");
    const prompt = "echo: all at once";
    expect(await ask("blocking", prompt)).toBe("all at once");
    const ttft = await page.textContent(`#blocking .metrics ${metricValue("Time to first token")}`);
    const total = await page.textContent(`#blocking .metrics ${metricValue("Total time")}`);
    expect(ttft).toBe(total);
  });

  // Without a CJK font every Chinese character is the same empty box, exactly
  // as wide as a code point no font has; with one, it is a real glyph.
  const cjkFont = hasCjkFont() || process.env.CI === "true";
  if (!cjkFont) console.warn(`[CJK glyph test skipped] ${HOW_TO_GET_A_CJK_FONT}`);
  it.skipIf(!cjkFont)("draws a Chinese reply with real glyphs, not empty boxes", async () => {
    expect(await ask("long", "echo: 流式输出")).toBe("流式输出");
    const widths = await page.evaluate(() => {
      const reply = document.querySelector("#long .reply") as HTMLElement;
      const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      context.font = getComputedStyle(reply).font;
      const width = (text: string) => context.measureText(text).width;
      return { chinese: width("流式输出"), noGlyph: width("\u0378".repeat(4)) };
    });
    expect(widths.chinese).not.toBe(widths.noGlyph);
  });

  it("renders markup in a reply as text, so a hostile reply cannot run script", async () => {
    const hostile = `<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>`;
    expect(await ask("long", `echo: ${hostile}`)).toBe(hostile);
    expect(await page.locator("#long .reply img").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  });
});
