import { defineChecks, must } from "@workshop/exercises";
import type * as Chat from "../../src/server/adapters/openai-chat.ts";
import { describeEvents, eventsOf, wireBody } from "../wire.ts";

const chunk = (delta: object, finish: string | null = null) => ({
  choices: [{ index: 0, delta, finish_reason: finish }],
});
const call = (index: number, fields: object) => chunk({ tool_calls: [{ index, ...fields }] });

export default defineChecks({
  "a tool call's arguments, sent in fragments, come out whole and parsed": async (code) => {
    const { openAiChat } = await code.load<typeof Chat>("src/server/adapters/openai-chat.ts");
    const events = await eventsOf(
      openAiChat,
      wireBody([
        {
          data: call(0, { id: "call_1", type: "function", function: { name: "get_weather", arguments: "" } }),
        },
        { data: call(0, { function: { arguments: '{"ci' } }) },
        { data: call(0, { function: { arguments: 'ty":"Hang' } }) },
        { data: call(0, { function: { arguments: 'zhou"}' } }) },
        { data: chunk({}, "tool_calls") },
        { data: "[DONE]" },
      ]),
    );
    const end = events.find((e) => e.type === "tool-call-end");
    must(end !== undefined, `no tool-call-end; the adapter said: ${describeEvents(events)}`);
    must(
      JSON.stringify(end.type === "tool-call-end" && end.input) === '{"city":"Hangzhou"}',
      `the arguments parsed as ${JSON.stringify(end.type === "tool-call-end" && end.input)}: append every fragment`,
    );
    const start = events.find((e) => e.type === "tool-call-start");
    must(
      start?.type === "tool-call-start" && start.name === "get_weather",
      "tool-call-start must carry the name",
    );
  },

  "two calls whose pieces interleave are kept apart by their index": async (code) => {
    const { openAiChat } = await code.load<typeof Chat>("src/server/adapters/openai-chat.ts");
    const events = await eventsOf(
      openAiChat,
      wireBody([
        { data: call(0, { id: "a", function: { name: "get_weather", arguments: '{"city":' } }) },
        { data: call(1, { id: "b", function: { name: "calculator", arguments: '{"expression":' } }) },
        { data: call(0, { function: { arguments: '"Beijing"}' } }) },
        { data: call(1, { function: { arguments: '"1+1"}' } }) },
        { data: chunk({}, "tool_calls") },
        { data: "[DONE]" },
      ]),
    );
    const inputs = events.flatMap((e) =>
      e.type === "tool-call-end" ? [`${e.id}:${JSON.stringify(e.input)}`] : [],
    );
    must(
      inputs.join(" ") === 'a:{"city":"Beijing"} b:{"expression":"1+1"}',
      `the calls came out as ${inputs.join(" ") || "nothing"}: key the fragments by index`,
    );
  },
});
