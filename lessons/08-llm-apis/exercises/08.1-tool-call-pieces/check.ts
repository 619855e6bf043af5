import { defineChecks, must } from "@workshop/exercises";
import type { ChatEvent } from "../../src/protocol.ts";
import type * as Chat from "../../src/server/adapters/openai-chat.ts";
import { describeEvents, readEvents, wireBody } from "../wire.ts";

const chunk = (delta: object, finish: string | null = null) => ({
  choices: [{ index: 0, delta, finish_reason: finish }],
});
const call = (index: number, fields: object) => chunk({ tool_calls: [{ index, ...fields }] });

/** The argument text each call's tool-call-delta events carried, by call id. */
function deltasById(events: ChatEvent[]): Map<string, string> {
  const text = new Map<string, string>();
  for (const e of events) if (e.type === "tool-call-delta") text.set(e.id, (text.get(e.id) ?? "") + e.delta);
  return text;
}

export default defineChecks({
  "a tool call's arguments, sent in fragments, come out whole and parsed": async (code) => {
    const { openAiChat } = await code.load<typeof Chat>("src/server/adapters/openai-chat.ts");
    const { events, thrown } = await readEvents(
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
    must(
      !thrown,
      `the call's arguments, put together, were not JSON (the adapter threw "${thrown?.message}"). They came in three fragments, '{"ci', 'ty":"Hang' and 'zhou"}': append each one to the call's args, in the order they come, and keep every one (replacing args with the latest fragment leaves 'zhou"}').`,
    );
    const starts = events.filter((e) => e.type === "tool-call-start");
    must(
      starts.length > 0,
      `the model asked for get_weather, and the adapter said nothing of it (it yielded: ${describeEvents(events)}): yield a tool-call-start when a call's first piece arrives`,
    );
    must(
      starts.length === 1,
      `one call, but ${starts.length} tool-call-start events (${describeEvents(events)}): start a call once, on the first piece of its index; the pieces after it only add arguments`,
    );
    const [start] = starts;
    must(
      start?.type === "tool-call-start" && start.name === "get_weather" && start.id === "call_1",
      `tool-call-start said ${JSON.stringify(start)}: it must carry the id and name of the call's first piece (call_1, get_weather)`,
    );
    const end = events.find((e) => e.type === "tool-call-end");
    must(end !== undefined, `no tool-call-end; the adapter said: ${describeEvents(events)}`);
    must(
      JSON.stringify(end.type === "tool-call-end" && end.input) === '{"city":"Hangzhou"}',
      `the arguments parsed as ${JSON.stringify(end.type === "tool-call-end" && end.input)}: append every fragment`,
    );
    const streamed = deltasById(events).get("call_1") ?? "";
    must(
      streamed === '{"city":"Hangzhou"}',
      `the page saw the arguments arrive as '${streamed}': yield a tool-call-delta for every non-empty fragment, with the call's id`,
    );
  },

  "two calls whose pieces interleave are kept apart by their index": async (code) => {
    const { openAiChat } = await code.load<typeof Chat>("src/server/adapters/openai-chat.ts");
    // Call 0's pieces and call 1's arrive in turns: 0, 1, 0, 1. Only `index` says whose each is.
    const { events, thrown } = await readEvents(
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
    const mixed =
      "two tool calls' argument fragments were mixed: the pieces of call 0 (get_weather) and call 1 (calculator) arrive in turns (0, 1, 0, 1), and a fragment of one was added to the other";
    const fix =
      "Key the pieces by their `index` (the same on every piece of a call), not by the order they arrive in, nor by their position in delta.tool_calls (usually 0)";
    const streamed = deltasById(events);
    const toldApart =
      streamed.get("a") === '{"city":"Beijing"}' && streamed.get("b") === '{"expression":"1+1"}';
    must(
      !thrown || toldApart,
      `${mixed}, so its arguments were no longer JSON (the adapter threw "${thrown?.message}"). ${fix}.`,
    );
    must(
      !thrown,
      `each fragment was told with the right call's id, but the arguments kept for the end were not JSON (the adapter threw "${thrown?.message}"): append every fragment to its own call's args, and keep them all`,
    );
    const starts = events.flatMap((e) => (e.type === "tool-call-start" ? [`${e.id}:${e.name}`] : []));
    must(
      starts.length > 0,
      "two calls, a (get_weather) and b (calculator), and no tool-call-start for either: yield one when each call's first piece arrives",
    );
    must(
      starts.join(" ") === "a:get_weather b:calculator",
      `two calls, a (get_weather) and b (calculator), but the tool-call-start events were: ${starts.join(" ") || "none"}. ${fix}.`,
    );
    const inputs = events.flatMap((e) =>
      e.type === "tool-call-end" ? [`${e.id}:${JSON.stringify(e.input)}`] : [],
    );
    must(
      inputs.join(" ") === 'a:{"city":"Beijing"} b:{"expression":"1+1"}',
      `the calls came out as ${inputs.join(" ") || "nothing"}, not a:{"city":"Beijing"} b:{"expression":"1+1"}: ${mixed}. ${fix}.`,
    );
    must(
      toldApart,
      `the page saw call a's arguments arrive as '${streamed.get("a") ?? ""}' and b's as '${streamed.get("b") ?? ""}': give each tool-call-delta the id of the call its piece belongs to (found by index)`,
    );
  },
});
