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

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "thinking and text blocks come out as reasoning and text; ping and unknown events are skipped":
    "thinking 块和 text 块分别变成 reasoning 和 text；ping 和不认识的事件被跳过",
  "a tool_use block's input_json_delta pieces become one tool call, parsed when the block stops":
    "tool_use 块的 input_json_delta 碎片合成一次工具调用，在块结束时解析",
  "usage is cumulative: a second message_delta replaces the count, it does not add to it":
    "用量是累计值：第二个 message_delta 替换计数，而不是加上去",
  "an error event after the 200 ends the answer with an error, not a finish":
    "200 之后的 error 事件以 error 结束回答，而不是 finish",
  "a stream cut before message_stop is an error, not an answer":
    "在 message_stop 之前被切断的流是错误，不是回答",
};

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
    must(seen === "reasoning(Short answer.), text(Hello), text(, class), usage(25, 9), finish(end_turn)", {
      en: `the adapter yielded: ${seen}. Expected: reasoning(Short answer.), text(Hello), text(, class), usage(25, 9), finish(end_turn): a thinking_delta is reasoning, a text_delta is text, ping and event types you do not know mean nothing, usage comes with message_delta (input tokens from message_start), and message_stop finishes with message_delta's stop_reason`,
      zh: `适配器产出的是：${seen}。应该是：reasoning(Short answer.), text(Hello), text(, class), usage(25, 9), finish(end_turn)：thinking_delta 是 reasoning，text_delta 是 text，ping 和你不认识的事件类型没有意义，usage 随 message_delta 而来（输入 token 数来自 message_start），message_stop 以 message_delta 的 stop_reason 来 finish`,
    });
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
    must(start?.type === "tool-call-start" && start.id === "toolu_1" && start.name === "get_weather", {
      en: `no tool-call-start for toolu_1 (get_weather); the adapter yielded: ${describeEvents(events)}. A content_block_start whose block is a tool_use starts a call: its id and name are on the block`,
      zh: `toolu_1（get_weather）没有 tool-call-start；适配器产出的是：${describeEvents(events)}。块类型为 tool_use 的 content_block_start 开始一次调用：它的 id 和 name 就在块上`,
    });
    const streamed = events.flatMap((e) =>
      e.type === "tool-call-delta" && e.id === "toolu_1" ? [e.delta] : [],
    );
    must(streamed.join("") === '{"city": "Hangzhou"}', {
      en: `the page saw the arguments arrive as '${streamed.join("")}': pass on each input_json_delta's partial_json as a tool-call-delta of the call whose block index it names`,
      zh: `页面看到到达的参数是 '${streamed.join("")}'：把每个 input_json_delta 的 partial_json 作为 tool-call-delta 传下去，归到它的块 index 所指的那个调用`,
    });
    const end = events.find((e) => e.type === "tool-call-end");
    must(
      end?.type === "tool-call-end" &&
        JSON.stringify(end.input) === '{"city":"Hangzhou"}' &&
        end.id === "toolu_1",
      {
        en: `the call ended as ${JSON.stringify(end) ?? "nothing"}: at content_block_stop, parse the pieces the block collected (parseToolArguments) and yield tool-call-end with the input`,
        zh: `调用结束时是 ${JSON.stringify(end) ?? "nothing"}：在 content_block_stop 时，解析这个块收集到的碎片（parseToolArguments），然后 yield 带着输入的 tool-call-end`,
      },
    );
    const stopAt = events.indexOf(end);
    must(
      events.slice(stopAt + 1).every((e) => e.type !== "tool-call-delta"),
      {
        en: "a tool-call-delta came after the call's tool-call-end: the call is over once its block stops",
        zh: "调用的 tool-call-end 之后又来了一个 tool-call-delta：块一结束，调用就结束了",
      },
    );
    must(show(events.slice(-1)) === "finish(tool_use)", {
      en: `the answer ended with ${show(events.slice(-1))}: finish with message_delta's stop_reason (tool_use), which tells the server to run the tool`,
      zh: `回答以 ${show(events.slice(-1))} 结束：要用 message_delta 的 stop_reason（tool_use）来 finish，它告诉服务器去运行工具`,
    });
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
    must(usage?.type === "usage" && usage.inputTokens === 12 && usage.outputTokens === 12, {
      en: `the last usage said ${usage?.type === "usage" ? `${usage.inputTokens} in, ${usage.outputTokens} out` : "nothing"}: message_delta's output_tokens is the total so far (12, not 5 + 12), and the input tokens come from message_start (12)`,
      zh: `最后一个 usage 说的是 ${usage?.type === "usage" ? `输入 ${usage.inputTokens}，输出 ${usage.outputTokens}` : "nothing"}：message_delta 的 output_tokens 是到目前为止的总数（12，不是 5 + 12），输入 token 数来自 message_start（12）`,
    });
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
    must(last?.type === "error" && last.code === "overloaded_error" && last.message === "Overloaded", {
      en: `the adapter yielded: ${describeEvents(events)}, ending with ${JSON.stringify(last) ?? "nothing"}. Anthropic can fail after it answered 200: an \`error\` event ends the answer with { type: "error", code: error.type, message: error.message }`,
      zh: `适配器产出的是：${describeEvents(events)}，最后是 ${JSON.stringify(last) ?? "nothing"}。Anthropic 可能在返回 200 之后才失败：\`error\` 事件以 { type: "error", code: error.type, message: error.message } 结束回答`,
    });
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
    must(thrown !== undefined && !/not written yet/.test(thrown.message), {
      en: `the stream stopped after "Half an ans" with no message_stop, and the adapter ${thrown ? `threw "${thrown.message}"` : `ended quietly (${describeEvents(events)})`}: when the events run out before message_stop, throw, so the page says the answer was cut short instead of showing half of it as whole`,
      zh: `流在 "Half an ans" 之后就停了，没有 message_stop，而适配器${thrown ? `抛出了 "${thrown.message}"` : `悄无声息地结束了（${describeEvents(events)}）`}：事件在 message_stop 之前就没了时要抛异常，这样页面会说回答被截断了，而不是把半个回答当成完整的显示出来`,
    });
    must(
      events.every((e) => e.type !== "finish"),
      {
        en: "the adapter finished a stream that was cut short: only message_stop finishes",
        zh: "适配器 finish 了一个被截断的流：只有 message_stop 才能 finish",
      },
    );
  },
});
