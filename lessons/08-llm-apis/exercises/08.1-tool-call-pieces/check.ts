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

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a tool call's arguments, sent in fragments, come out whole and parsed":
    "分成碎片发来的工具调用参数，出来时是完整的、已解析的",
  "two calls whose pieces interleave are kept apart by their index":
    "碎片交错到达的两个调用，靠 index 区分开",
};

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
    must(!thrown, {
      en: `the call's arguments, put together, were not JSON (the adapter threw "${thrown?.message}"). They came in three fragments, '{"ci', 'ty":"Hang' and 'zhou"}': append each one to the call's args, in the order they come, and keep every one (replacing args with the latest fragment leaves 'zhou"}').`,
      zh: `这个调用的参数拼起来不是 JSON（适配器抛出了 "${thrown?.message}"）。它们分三个碎片到达，'{"ci'、'ty":"Hang' 和 'zhou"}'：按到达的顺序把每一片追加到调用的 args 上，一片都不能丢（用最新的碎片替换 args，就只剩下 'zhou"}'）。`,
    });
    const starts = events.filter((e) => e.type === "tool-call-start");
    must(starts.length > 0, {
      en: `the model asked for get_weather, and the adapter said nothing of it (it yielded: ${describeEvents(events)}): yield a tool-call-start when a call's first piece arrives`,
      zh: `模型要调用 get_weather，适配器却只字未提（它产出的是：${describeEvents(events)}）：一个调用的第一片到达时，要 yield 一个 tool-call-start`,
    });
    must(starts.length === 1, {
      en: `one call, but ${starts.length} tool-call-start events (${describeEvents(events)}): start a call once, on the first piece of its index; the pieces after it only add arguments`,
      zh: `只有一个调用，却有 ${starts.length} 个 tool-call-start 事件（${describeEvents(events)}）：一个调用只开始一次，就在它那个 index 的第一片上；之后的碎片只追加参数`,
    });
    const [start] = starts;
    must(start?.type === "tool-call-start" && start.name === "get_weather" && start.id === "call_1", {
      en: `tool-call-start said ${JSON.stringify(start)}: it must carry the id and name of the call's first piece (call_1, get_weather)`,
      zh: `tool-call-start 的内容是 ${JSON.stringify(start)}：它必须带上调用第一片里的 id 和 name（call_1、get_weather）`,
    });
    const end = events.find((e) => e.type === "tool-call-end");
    must(end !== undefined, {
      en: `no tool-call-end; the adapter said: ${describeEvents(events)}`,
      zh: `没有 tool-call-end；适配器产出的是：${describeEvents(events)}`,
    });
    must(JSON.stringify(end.type === "tool-call-end" && end.input) === '{"city":"Hangzhou"}', {
      en: `the arguments parsed as ${JSON.stringify(end.type === "tool-call-end" && end.input)}: append every fragment`,
      zh: `参数解析出来是 ${JSON.stringify(end.type === "tool-call-end" && end.input)}：要追加每一个碎片`,
    });
    const streamed = deltasById(events).get("call_1") ?? "";
    must(streamed === '{"city":"Hangzhou"}', {
      en: `the page saw the arguments arrive as '${streamed}': yield a tool-call-delta for every non-empty fragment, with the call's id`,
      zh: `页面看到到达的参数是 '${streamed}'：每个非空碎片都要 yield 一个 tool-call-delta，带上调用的 id`,
    });
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
    const mixed = {
      en: "two tool calls' argument fragments were mixed: the pieces of call 0 (get_weather) and call 1 (calculator) arrive in turns (0, 1, 0, 1), and a fragment of one was added to the other",
      zh: "两个工具调用的参数碎片串了：调用 0（get_weather）和调用 1（calculator）的碎片轮流到达（0, 1, 0, 1），其中一个调用的碎片被加到了另一个上",
    };
    const fix = {
      en: "Key the pieces by their `index` (the same on every piece of a call), not by the order they arrive in, nor by their position in delta.tool_calls (usually 0)",
      zh: "按碎片的 `index`（同一个调用的每一片都相同）来归属，不要按到达的顺序，也不要按它在 delta.tool_calls 里的位置（通常是 0）",
    };
    const streamed = deltasById(events);
    const toldApart =
      streamed.get("a") === '{"city":"Beijing"}' && streamed.get("b") === '{"expression":"1+1"}';
    must(!thrown || toldApart, {
      en: `${mixed.en}, so its arguments were no longer JSON (the adapter threw "${thrown?.message}"). ${fix.en}.`,
      zh: `${mixed.zh}，于是它的参数不再是 JSON（适配器抛出了 "${thrown?.message}"）。${fix.zh}。`,
    });
    must(!thrown, {
      en: `each fragment was told with the right call's id, but the arguments kept for the end were not JSON (the adapter threw "${thrown?.message}"): append every fragment to its own call's args, and keep them all`,
      zh: `每个碎片都带着正确调用的 id 发了出去，但留到最后的参数不是 JSON（适配器抛出了 "${thrown?.message}"）：把每个碎片追加到它自己那个调用的 args 上，并且全部保留`,
    });
    const starts = events.flatMap((e) => (e.type === "tool-call-start" ? [`${e.id}:${e.name}`] : []));
    must(starts.length > 0, {
      en: "two calls, a (get_weather) and b (calculator), and no tool-call-start for either: yield one when each call's first piece arrives",
      zh: "有两个调用，a（get_weather）和 b（calculator），却哪个都没有 tool-call-start：每个调用的第一片到达时，都要 yield 一个",
    });
    must(starts.join(" ") === "a:get_weather b:calculator", {
      en: `two calls, a (get_weather) and b (calculator), but the tool-call-start events were: ${starts.join(" ") || "none"}. ${fix.en}.`,
      zh: `有两个调用，a（get_weather）和 b（calculator），但 tool-call-start 事件是：${starts.join(" ") || "none"}。${fix.zh}。`,
    });
    const inputs = events.flatMap((e) =>
      e.type === "tool-call-end" ? [`${e.id}:${JSON.stringify(e.input)}`] : [],
    );
    must(inputs.join(" ") === 'a:{"city":"Beijing"} b:{"expression":"1+1"}', {
      en: `the calls came out as ${inputs.join(" ") || "nothing"}, not a:{"city":"Beijing"} b:{"expression":"1+1"}: ${mixed.en}. ${fix.en}.`,
      zh: `调用出来的结果是 ${inputs.join(" ") || "nothing"}，而不是 a:{"city":"Beijing"} b:{"expression":"1+1"}：${mixed.zh}。${fix.zh}。`,
    });
    must(toldApart, {
      en: `the page saw call a's arguments arrive as '${streamed.get("a") ?? ""}' and b's as '${streamed.get("b") ?? ""}': give each tool-call-delta the id of the call its piece belongs to (found by index)`,
      zh: `页面看到调用 a 的参数到达时是 '${streamed.get("a") ?? ""}'，b 的是 '${streamed.get("b") ?? ""}'：每个 tool-call-delta 都要带上它那一片所属调用的 id（按 index 找到）`,
    });
  },
});
