import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type { ChatEvent } from "../../src/protocol.ts";
import type * as Anthropic from "../../src/server/adapters/anthropic.ts";
import { describeEvents, eventsOf, readEvents, wireBody } from "../wire.ts";

/** One Anthropic event as the wire names it: `event: <type>` and the same type in the data. */
const ev = (type: string, fields: object = {}) => ({ event: type, data: { type, ...fields } });
const messageStart = (inputTokens: number) =>
  ev("message_start", { message: { id: "msg_1", role: "assistant", usage: { input_tokens: inputTokens } } });
const blockStart = (index: number, block: object) =>
  ev("content_block_start", { index, content_block: block });
const blockDelta = (index: number, delta: object) => ev("content_block_delta", { index, delta });
const blockStop = (index: number) => ev("content_block_stop", { index });
const messageDelta = (stopReason: string, outputTokens: number) =>
  ev("message_delta", { delta: { stop_reason: stopReason }, usage: { output_tokens: outputTokens } });

async function adapter(code: LessonCode) {
  return (await code.load<typeof Anthropic>("src/server/adapters/anthropic.ts")).anthropic;
}

const show = (events: ChatEvent[]) =>
  events
    .map((e) =>
      e.type === "text" || e.type === "reasoning"
        ? `${e.type}(${e.delta})`
        : e.type === "usage"
          ? `usage(${e.inputTokens}, ${e.outputTokens})`
          : e.type === "finish"
            ? `finish(${e.reason})`
            : e.type,
    )
    .join(", ") || "nothing";

export default defineChecks({
  "thinking and text blocks come out as reasoning and text; ping and unknown events are skipped": async (
    code,
  ) => {
    const events = await eventsOf(
      await adapter(code),
      wireBody([
        messageStart(25),
        blockStart(0, { type: "thinking", thinking: "" }),
        blockDelta(0, { type: "thinking_delta", thinking: "Short answer." }),
        ev("ping"),
        blockStop(0),
        blockStart(1, { type: "text", text: "" }),
        blockDelta(1, { type: "text_delta", text: "Hello" }),
        ev("future_event", { note: "an event type added after the adapter was written" }),
        blockDelta(1, { type: "text_delta", text: ", class" }),
        blockStop(1),
        messageDelta("end_turn", 9),
        ev("message_stop"),
      ]),
    );
    const seen = show(events);
    must(
      seen === "reasoning(Short answer.), text(Hello), text(, class), usage(25, 9), finish(end_turn)",
      `the adapter yielded: ${seen}. Expected: reasoning(Short answer.), text(Hello), text(, class), usage(25, 9), finish(end_turn): a thinking_delta is reasoning, a text_delta is text, ping and event types you do not know mean nothing, usage comes with message_delta (input tokens from message_start), and message_stop finishes with message_delta's stop_reason`,
    );
  },

  "a tool_use block's input_json_delta pieces become one tool call, parsed when the block stops": async (
    code,
  ) => {
    const events = await eventsOf(
      await adapter(code),
      wireBody([
        messageStart(40),
        blockStart(0, { type: "text", text: "" }),
        blockDelta(0, { type: "text_delta", text: "Let me check." }),
        blockStop(0),
        blockStart(1, { type: "tool_use", id: "toolu_1", name: "get_weather", input: {} }),
        blockDelta(1, { type: "input_json_delta", partial_json: "" }),
        blockDelta(1, { type: "input_json_delta", partial_json: '{"ci' }),
        ev("ping"),
        blockDelta(1, { type: "input_json_delta", partial_json: 'ty": "Hang' }),
        blockDelta(1, { type: "input_json_delta", partial_json: 'zhou"}' }),
        blockStop(1),
        messageDelta("tool_use", 30),
        ev("message_stop"),
      ]),
    );
    const start = events.find((e) => e.type === "tool-call-start");
    must(
      start?.type === "tool-call-start" && start.id === "toolu_1" && start.name === "get_weather",
      `no tool-call-start for toolu_1 (get_weather); the adapter yielded: ${describeEvents(events)}. A content_block_start whose block is a tool_use starts a call: its id and name are on the block`,
    );
    const streamed = events.flatMap((e) =>
      e.type === "tool-call-delta" && e.id === "toolu_1" ? [e.delta] : [],
    );
    must(
      streamed.join("") === '{"city": "Hangzhou"}',
      `the page saw the arguments arrive as '${streamed.join("")}': pass on each input_json_delta's partial_json as a tool-call-delta of the call whose block index it names`,
    );
    const end = events.find((e) => e.type === "tool-call-end");
    must(
      end?.type === "tool-call-end" &&
        JSON.stringify(end.input) === '{"city":"Hangzhou"}' &&
        end.id === "toolu_1",
      `the call ended as ${JSON.stringify(end) ?? "nothing"}: at content_block_stop, parse the pieces the block collected (parseToolArguments) and yield tool-call-end with the input`,
    );
    const stopAt = events.indexOf(end);
    must(
      events.slice(stopAt + 1).every((e) => e.type !== "tool-call-delta"),
      "a tool-call-delta came after the call's tool-call-end: the call is over once its block stops",
    );
    must(
      show(events.slice(-1)) === "finish(tool_use)",
      `the answer ended with ${show(events.slice(-1))}: finish with message_delta's stop_reason (tool_use), which tells the server to run the tool`,
    );
  },

  "usage is cumulative: a second message_delta replaces the count, it does not add to it": async (code) => {
    const events = await eventsOf(
      await adapter(code),
      wireBody([
        messageStart(12),
        blockStart(0, { type: "text", text: "" }),
        blockDelta(0, { type: "text_delta", text: "Hi" }),
        blockStop(0),
        messageDelta("end_turn", 5),
        messageDelta("end_turn", 12),
        ev("message_stop"),
      ]),
    );
    const usage = events.filter((e) => e.type === "usage").at(-1);
    must(
      usage?.type === "usage" && usage.inputTokens === 12 && usage.outputTokens === 12,
      `the last usage said ${usage?.type === "usage" ? `${usage.inputTokens} in, ${usage.outputTokens} out` : "nothing"}: message_delta's output_tokens is the total so far (12, not 5 + 12), and the input tokens come from message_start (12)`,
    );
  },

  "an error event after the 200 ends the answer with an error, not a finish": async (code) => {
    const events = await eventsOf(
      await adapter(code),
      wireBody([
        messageStart(12),
        blockStart(0, { type: "text", text: "" }),
        blockDelta(0, { type: "text_delta", text: "Stream" }),
        ev("error", { error: { type: "overloaded_error", message: "Overloaded" } }),
      ]),
    );
    const last = events.at(-1);
    must(
      last?.type === "error" && last.code === "overloaded_error" && last.message === "Overloaded",
      `the adapter yielded: ${describeEvents(events)}, ending with ${JSON.stringify(last) ?? "nothing"}. Anthropic can fail after it answered 200: an \`error\` event ends the answer with { type: "error", code: error.type, message: error.message }`,
    );
  },

  "a stream cut before message_stop is an error, not an answer": async (code) => {
    const { events, thrown } = await readEvents(
      await adapter(code),
      wireBody([
        messageStart(12),
        blockStart(0, { type: "text", text: "" }),
        blockDelta(0, { type: "text_delta", text: "Half an ans" }),
      ]),
    );
    must(
      thrown !== undefined && !/not written yet/.test(thrown.message),
      `the stream stopped after "Half an ans" with no message_stop, and the adapter ${thrown ? `threw "${thrown.message}"` : `ended quietly (${describeEvents(events)})`}: when the events run out before message_stop, throw, so the page says the answer was cut short instead of showing half of it as whole`,
    );
    must(
      events.every((e) => e.type !== "finish"),
      "the adapter finished a stream that was cut short: only message_stop finishes",
    );
  },
});
