import { defineChecks, must, within } from "@workshop/exercises";
import { findChromium, HOW_TO_GET_CHROMIUM, launchBrowser, startPage } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

const PROMPT = "Why do LLM products stream?";

export default defineChecks({
  "in Chromium, a fast answer is rendered at most once per animation frame, and ends complete": (code) =>
    withServer(code, {}, async ({ url, llm }) => {
      must(findChromium(), HOW_TO_GET_CHROMIUM);
      const browser = await launchBrowser();
      const site = await startPage(code.root, url, [], code.pageCacheDir);
      try {
        const page = await browser.newPage();
        await page.goto(site.url);
        await page.evaluate(() => {
          const counters = { renders: 0, frames: 0 };
          Object.assign(window, { counters });
          const replaceChildren = Element.prototype.replaceChildren;
          Element.prototype.replaceChildren = function (this: Element, ...nodes) {
            if (this.classList.contains("body")) counters.renders++;
            return replaceChildren.apply(this, nodes);
          };
          const tick = () => {
            counters.frames++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        await page.fill("#input", PROMPT);
        await page.press("#input", "Enter");
        await within(
          page.waitForFunction(() => document.querySelectorAll(".message.assistant .meta").length >= 1),
          10_000,
          "the answer never finished on the page",
        );
        const { renders, frames } = await page.evaluate(
          () => (window as unknown as { counters: { renders: number; frames: number } }).counters,
        );
        const tokens = llm.replyTokens(PROMPT).length;
        must(
          renders <= frames + 1,
          `${renders} renders for ${tokens} tokens in ${frames} frames: render once per frame (requestAnimationFrame), not once per token`,
        );
        // The answer's last word (markdown aside) must be on the page: the final render happened.
        const lastWord =
          llm
            .replyTokens(PROMPT)
            .join("")
            .match(/[\p{L}\p{N}]{3,}/gu)
            ?.at(-1) ?? "";
        const shown = (await page.locator(".message.assistant .body").last().textContent()) ?? "";
        must(
          shown.includes(lastWord),
          "the end of the answer is missing on the page: finish() must render once more",
        );
      } finally {
        await site.close();
        await browser.close();
      }
    }),
});
