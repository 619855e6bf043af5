import { defineChecks, must, within } from "@workshop/exercises";
import { withLessonPage } from "@workshop/exercises/lesson-page";
import { holdFramesAndCountRenders } from "../../test/render-counter.ts";
import { withServer } from "../with-server.ts";

const PROMPT = "Why do LLM products stream?";

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
          "the answer never finished on the page",
        );
        const { renders } = await counted();
        const reply = llm.replyTokens(PROMPT);
        // The page's frames are held: a view that waits for the next frame renders only in finish().
        must(
          renders <= 1,
          `${renders} renders for ${reply.length} tokens with no animation frame run: render once per frame (requestAnimationFrame), not once per token`,
        );
        // The answer's last word (markdown aside) must be on the page: the final render happened.
        const lastWord =
          reply
            .join("")
            .match(/[\p{L}\p{N}]{3,}/gu)
            ?.at(-1) ?? "";
        const shown = (await page.locator(".message.assistant .body").last().textContent()) ?? "";
        must(
          shown.includes(lastWord),
          "the end of the answer is missing on the page: finish() must render once more",
        );
      }),
    ),
});
