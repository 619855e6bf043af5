import { defineChecks, must, within } from "@workshop/exercises";
import { withLessonPage } from "@workshop/exercises/lesson-page";
import { holdFramesAndCountRenders } from "../../test/render-counter.ts";
import { withServer } from "../with-server.ts";

const PROMPT = "Why do LLM products stream?";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "in Chromium, a fast answer is rendered at most once per animation frame, and ends complete":
    "在 Chromium 里，很快的回答每个动画帧最多渲染一次，最后完整显示",
};

export default defineChecks({
  "in Chromium, a fast answer is rendered at most once per animation frame, and ends complete": (code) =>
    withServer(code, {}, ({ url, llm }) =>
      withLessonPage(code, url, async (page, siteUrl) => {
        await page.goto(siteUrl);
        const counted = await holdFramesAndCountRenders(page);
        await page.fill("#input", PROMPT);
        await page.press("#input", "Enter");
        await within(
          // Polled on a timer: the page's animation frames are held.
          page.waitForFunction(
            () => document.querySelectorAll(".message.assistant .meta").length >= 1,
            undefined,
            {
              polling: 100,
            },
          ),
          10_000,
          { en: "the answer never finished on the page", zh: "页面上的回答一直没有结束" },
        );
        const { renders } = await counted();
        const reply = llm.replyTokens(PROMPT);
        // The page's frames are held: a view that waits for the next frame renders only in finish().
        must(renders <= 1, {
          en: `${renders} renders for ${reply.length} tokens with no animation frame run: render once per frame (requestAnimationFrame), not once per token`,
          zh: `一个动画帧都没执行，${reply.length} 个 token 却渲染了 ${renders} 次：每帧渲染一次（requestAnimationFrame），而不是每个 token 一次`,
        });
        // The answer's last word (markdown aside) must be on the page: the final render happened.
        const lastWord =
          reply
            .join("")
            .match(/[\p{L}\p{N}]{3,}/gu)
            ?.at(-1) ?? "";
        const shown = (await page.locator(".message.assistant .body").last().textContent()) ?? "";
        must(shown.includes(lastWord), {
          en: "the end of the answer is missing on the page: finish() must render once more",
          zh: "页面上缺了回答的结尾：finish() 必须再渲染一次",
        });
      }),
    ),
});
