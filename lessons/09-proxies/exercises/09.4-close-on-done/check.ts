import { createServer } from "@workshop/02-sse/server/app.ts";
import { defineChecks, must, withEventSourceGlobal } from "@workshop/exercises";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";

import { postJson, startLesson } from "@workshop/testkit";
import { EventSource } from "eventsource";
import type * as Race from "../../src/client/path-race.ts";

export default defineChecks({
  // The page's code, in Node: the `eventsource` package follows the same spec as browsers.
  "the first token's time is measured, and the stream is closed on done": (code) =>
    withEventSourceGlobal(EventSource, async (opened) => {
      const llm = createMockLlm({ timing: steadyTiming(5) });
      const lesson = await startLesson(createServer({ llm }));
      const tokens = llm.replyTokens("echo: a b c d").length;
      try {
        const { readThrough } = await code.load<typeof Race>("src/client/path-race.ts");
        const { id } = (await (
          await postJson(`${lesson.url}/api/jobs`, { prompt: "echo: a b c d" })
        ).json()) as {
          id: string;
        };
        const told: number[] = [];
        const result = await readThrough(lesson.url, id, (ms) => told.push(ms));
        must(
          result.tokens === tokens,
          `counted ${result.tokens} tokens, not ${tokens}: count each token event`,
        );
        must(
          Number.isFinite(result.firstMs) && result.firstMs <= result.lastMs,
          `the first token's time is ${result.firstMs}: note it when the first token arrives`,
        );
        must(
          told.length === 1 && told[0] === result.firstMs,
          `onFirstToken was told ${JSON.stringify(told)}: call it once, with the first token's time`,
        );
        must(
          opened.at(-1)?.readyState === 2,
          "the EventSource is still open after done: close it, or it reconnects",
        );
      } finally {
        await lesson.close();
      }
    }),
});
