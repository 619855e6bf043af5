import { createServer } from "@workshop/02-sse/server/app.ts";
import { defineChecks, must, withEventSourceGlobal } from "@workshop/exercises";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";

import { postJson, startLesson } from "@workshop/testkit";
import { EventSource } from "eventsource";
import type * as Race from "../../src/client/path-race.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the first token's time is measured, and the stream is closed on done":
    "测出首个 token 的时间，并在 done 时关闭流",
};

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
        must(result.tokens === tokens, {
          en: `counted ${result.tokens} tokens, not ${tokens}: count each token event`,
          zh: `数到 ${result.tokens} 个 token，而不是 ${tokens} 个：每个 token 事件都要计数`,
        });
        must(Number.isFinite(result.firstMs) && result.firstMs <= result.lastMs, {
          en: `the first token's time is ${result.firstMs}: note it when the first token arrives`,
          zh: `首个 token 的时间是 ${result.firstMs}：要在第一个 token 到达时记下它`,
        });
        must(told.length === 1 && told[0] === result.firstMs, {
          en: `onFirstToken was told ${JSON.stringify(told)}: call it once, with the first token's time`,
          zh: `onFirstToken 收到的是 ${JSON.stringify(told)}：只调用它一次，传入首个 token 的时间`,
        });
        must(opened.at(-1)?.readyState === 2, {
          en: "the EventSource is still open after done: close it, or it reconnects",
          zh: "done 之后 EventSource 还开着：关闭它，否则它会断线重连",
        });
      } finally {
        await lesson.close();
      }
    }),
});
