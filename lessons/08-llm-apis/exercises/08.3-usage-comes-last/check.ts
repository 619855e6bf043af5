import { defineChecks, must } from "@workshop/exercises";
import type * as Responses from "../../src/server/adapters/openai-responses.ts";
import { describeEvents, eventsOf, wireBody } from "../wire.ts";

const completed = (output: object[]) => ({
  event: "response.completed",
  data: {
    type: "response.completed",
    sequence_number: 3,
    response: {
      status: "completed",
      output,
      usage: { input_tokens: 12, output_tokens: 34, total_tokens: 46 },
    },
  },
});
const delta = {
  event: "response.output_text.delta",
  data: { type: "response.output_text.delta", delta: "Hi" },
};

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "usage is read from response.completed, the stream's last event":
    "用量从流的最后一个事件 response.completed 中读出",
  "a response that called a function finishes with reason tool_calls":
    "调用了函数的响应以 tool_calls 为原因结束",
};

export default defineChecks({
  "usage is read from response.completed, the stream's last event": async (code) => {
    const { openAiResponses } = await code.load<typeof Responses>("src/server/adapters/openai-responses.ts");
    const events = await eventsOf(openAiResponses, wireBody([delta, completed([{ type: "message" }])]));
    const usage = events.find((e) => e.type === "usage");
    must(usage !== undefined, {
      en: `no usage event; the adapter said: ${describeEvents(events)}`,
      zh: `没有 usage 事件；适配器产出的是：${describeEvents(events)}`,
    });
    must(usage.type === "usage" && usage.inputTokens === 12 && usage.outputTokens === 34, {
      en: `usage read as ${JSON.stringify(usage)}: input_tokens 12, output_tokens 34`,
      zh: `读出的 usage 是 ${JSON.stringify(usage)}：应该是 input_tokens 12、output_tokens 34`,
    });
    must(events.at(-1)?.type === "finish", {
      en: `the adapter's last event was ${events.at(-1)?.type ?? "nothing"} (${describeEvents(events)}): finish must come last, after usage, and nothing after it`,
      zh: `适配器的最后一个事件是 ${events.at(-1)?.type ?? "nothing"}（${describeEvents(events)}）：finish 必须在最后，排在 usage 之后，它后面不能再有任何东西`,
    });
  },

  "a response that called a function finishes with reason tool_calls": async (code) => {
    const { openAiResponses } = await code.load<typeof Responses>("src/server/adapters/openai-responses.ts");
    const events = await eventsOf(openAiResponses, wireBody([completed([{ type: "function_call" }])]));
    const finish = events.at(-1);
    must(finish?.type === "finish" && finish.reason === "tool_calls", {
      en: `finished with ${JSON.stringify(finish)}: the output held a function_call`,
      zh: `结束时是 ${JSON.stringify(finish)}：可输出里有一个 function_call`,
    });
  },
});
