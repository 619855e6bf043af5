import { defineChecks, must, mustEventually, waitUntil, within } from "@workshop/exercises";
import { steadyTiming } from "@workshop/mock-llm";
import { eventually, postJson } from "@workshop/testkit";
import type { CompleteResponse } from "../../src/protocol.ts";
import { withServer } from "../with-server.ts";

const SLOW = steadyTiming(30); // ~4 s for a whole reply
const PROMPT = "why stream?";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a client that waits gets the whole reply": "一直等着的客户端拿到完整的回复",
  "a client that hangs up stops the generation before its reply ends": "客户端挂断，生成就在回复结束之前停下",
  "hanging up gives the client's slot back": "挂断会归还这个客户端的名额",
};

/** Starts a completion, waits until the server generates, then hangs up. */
async function hangUpMidGeneration(url: string, completing: Set<AbortController>) {
  const controller = new AbortController();
  const request = fetch(`${url}/api/complete`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ prompt: PROMPT }),
    signal: controller.signal,
  }).catch(() => undefined);
  await eventually(() => completing.size === 1, 5000);
  controller.abort();
  await request;
}

export default defineChecks({
  "a client that waits gets the whole reply": (code) =>
    withServer(code, {}, async (lesson) => {
      const response = await postJson(`${lesson.url}/api/complete`, { prompt: PROMPT });
      must(response.status === 200, {
        en: `POST /api/complete answered ${response.status}`,
        zh: `POST /api/complete 返回的是 ${response.status}`,
      });
      const body = (await response.json()) as CompleteResponse;
      const expected = lesson.llm.replyTokens(PROMPT).length;
      must(body.tokenCount === expected, {
        en: `a client that waited to the end got ${body.tokenCount} of ${expected} tokens: only a client that leaves may stop the generation`,
        zh: `一直等到最后的客户端只拿到了 ${expected} 个 token 中的 ${body.tokenCount} 个：只有客户端离开时才能停止生成`,
      });
    }),

  "a client that hangs up stops the generation before its reply ends": (code) =>
    withServer(code, { timing: SLOW }, async (lesson) => {
      await hangUpMidGeneration(lesson.url, lesson.completing);
      await mustEventually(() => lesson.completing.size === 0, 2500, {
        en: "long after the client hung up, the model is still generating: abort the controller on 'close'",
        zh: "客户端挂断很久之后，模型还在生成：在 'close' 时 abort 这个 controller",
      }); // the reply lasts longer
      must(lesson.llm.tokensGenerated < lesson.llm.replyTokens(PROMPT).length, {
        en: "the whole reply was generated anyway",
        zh: "整个回复照样全部生成了",
      });
    }),

  "hanging up gives the client's slot back": (code) =>
    withServer(code, { timing: SLOW, maxStreamsPerClient: 1 }, async (lesson) => {
      await hangUpMidGeneration(lesson.url, lesson.completing);
      await waitUntil(() => lesson.completing.size === 0, 1000);
      // The next completion is either accepted (it starts generating) or refused at once with 429.
      const controller = new AbortController();
      const generating = lesson.completing.size;
      const answer = fetch(`${lesson.url}/api/complete`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ prompt: PROMPT }),
        signal: controller.signal,
      });
      const outcome = await within(
        Promise.race([
          eventually(() => lesson.completing.size > generating, 2000).then(() => "accepted"),
          answer.then((response) => String(response.status)),
        ]),
        2000,
        { en: "the next request got no answer", zh: "下一个请求没有得到任何响应" },
      ).finally(() => controller.abort());
      answer.catch(() => {});
      must(outcome !== "429", {
        en: "with one slot per client, the next request got 429: release() the slot on 'close'",
        zh: "每个客户端只有一个名额，下一个请求却收到了 429：在 'close' 时 release() 这个名额",
      });
    }),
});
