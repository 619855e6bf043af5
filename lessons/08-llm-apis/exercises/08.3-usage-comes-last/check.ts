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

export default defineChecks({
  "usage is read from response.completed, the stream's last event": async (code) => {
    const { openAiResponses } = await code.load<typeof Responses>("src/server/adapters/openai-responses.ts");
    const events = await eventsOf(openAiResponses, wireBody([delta, completed([{ type: "message" }])]));
    const usage = events.find((e) => e.type === "usage");
    must(usage !== undefined, `no usage event; the adapter said: ${describeEvents(events)}`);
    must(
      usage.type === "usage" && usage.inputTokens === 12 && usage.outputTokens === 34,
      `usage read as ${JSON.stringify(usage)}: input_tokens 12, output_tokens 34`,
    );
    must(
      events.at(-1)?.type === "finish",
      `the adapter's last event was ${events.at(-1)?.type ?? "nothing"} (${describeEvents(events)}): finish must come last, after usage, and nothing after it`,
    );
  },

  "a response that called a function finishes with reason tool_calls": async (code) => {
    const { openAiResponses } = await code.load<typeof Responses>("src/server/adapters/openai-responses.ts");
    const events = await eventsOf(openAiResponses, wireBody([completed([{ type: "function_call" }])]));
    const finish = events.at(-1);
    must(
      finish?.type === "finish" && finish.reason === "tool_calls",
      `finished with ${JSON.stringify(finish)}: the output held a function_call`,
    );
  },
});
