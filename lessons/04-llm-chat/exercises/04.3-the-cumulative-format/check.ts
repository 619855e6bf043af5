import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import { connectSse, startLesson } from "@workshop/testkit";
import type * as DashScope from "../../src/server/adapters/dashscope.ts";
import type * as App from "../../src/server/app.ts";
import { withServer } from "../with-server.ts";

const result = (id: number, text: string, finish = "null") =>
  `id:${id}\nevent:result\ndata:${JSON.stringify({ output: { finish_reason: finish, text }, request_id: "r" })}\n\n`;

const body = (wire: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(wire));
      controller.close();
    },
  });

async function deltasOf(code: LessonCode, wire: string) {
  const { dashScopeDeltas } = await code.load<typeof DashScope>("src/server/adapters/dashscope.ts");
  const deltas: string[] = [];
  try {
    for await (const delta of dashScopeDeltas(body(wire))) deltas.push(delta);
    return { deltas, error: undefined };
  } catch (error) {
    return { deltas, error: error as Error & { code?: string } };
  }
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "each event's text is the whole answer so far: only the new part is passed on":
    "每个事件的文本都是到目前为止的完整回答：只把新增的部分传下去",
  "an event that repeats the text so far passes nothing on": "重复已有文本的事件什么也不传",
  "finish_reason stop ends the stream": "finish_reason stop 结束这条流",
  "an error event is thrown as an UpstreamError, not passed on as text":
    "error 事件作为 UpstreamError 抛出，而不是当作文本传下去",
  "a body that ends without finish_reason stop was cut: an UpstreamError, not a finished answer":
    "没有 finish_reason stop 就结束的响应体是被截断的：抛 UpstreamError，而不是当成完成的回答",
  "through the BFF, a DashScope upstream gives the page the exact reply":
    "经过 BFF，DashScope 上游给页面的回复一字不差",
};

export default defineChecks({
  "each event's text is the whole answer so far: only the new part is passed on": async (code) => {
    const { deltas } = await deltasOf(
      code,
      result(1, "最近") + result(2, "最近的公园") + result(3, "最近的公园是", "stop"),
    );
    must(deltas.join("|") === "最近|的公园|是", {
      en: `the deltas were ${deltas.join(" | ")}; expected 最近 | 的公园 | 是 (the page would print ${deltas.join("")})`,
      zh: `得到的增量是 ${deltas.join(" | ")}；应当是 最近 | 的公园 | 是（页面会显示成 ${deltas.join("")}）`,
    });
  },

  "an event that repeats the text so far passes nothing on": async (code) => {
    const { deltas } = await deltasOf(
      code,
      result(1, "你好") + result(2, "你好") + result(3, "你好！", "stop"),
    );
    must(deltas.filter((d) => d !== "").join("|") === "你好|！", {
      en: `when an event repeated the text so far, the deltas were ${deltas.join(" | ")}, not 你好 | ！: an event that adds nothing passes nothing on`,
      zh: `有事件重复已有文本时，得到的增量是 ${deltas.join(" | ")}，不是 你好 | ！：没有新增内容的事件什么也不传`,
    });
  },

  "finish_reason stop ends the stream": async (code) => {
    const { deltas } = await deltasOf(code, result(1, "好", "stop") + result(2, "好不好"));
    must(deltas.join("") === "好", {
      en: `with an event after finish_reason "stop", "${deltas.join("")}" was passed on, not "好": "stop" is the end, read nothing after it`,
      zh: `finish_reason "stop" 之后还有一个事件时，传下去的是 "${deltas.join("")}"，不是 "好"："stop" 就是结束，之后的一概不读`,
    });
  },

  "an error event is thrown as an UpstreamError, not passed on as text": async (code) => {
    const wire = `${result(1, "最近")}event:error\ndata:${JSON.stringify({ code: "Throttling", message: "Requests rate limit exceeded" })}\n\n`;
    const { deltas, error } = await deltasOf(code, wire);
    must(error?.code === "upstream_failed", {
      en: "an `event:error` did not throw an UpstreamError with the code upstream_failed: an error event is a failure, never text",
      zh: "`event:error` 没有抛出 code 为 upstream_failed 的 UpstreamError：error 事件是失败，绝不是文本",
    });
    must(deltas.join("") === "最近", {
      en: `the text before the error was "${deltas.join("")}", not "最近": pass on what came before the error`,
      zh: `错误之前的文本是 "${deltas.join("")}"，不是 "最近"：错误之前到的内容要传下去`,
    });
  },

  "a body that ends without finish_reason stop was cut: an UpstreamError, not a finished answer": async (
    code,
  ) => {
    const { deltas, error } = await deltasOf(code, result(1, "最近") + result(2, "最近的公园"));
    must(error?.code === "upstream_failed", {
      en: 'the body ended with no finish_reason "stop" and the adapter returned as if the answer were complete',
      zh: '响应体没有 finish_reason "stop" 就结束了，适配器却像回答已经完整那样正常返回',
    });
    must(deltas.join("") === "最近的公园", {
      en: `the text before the cut was "${deltas.join("")}", not "最近的公园"`,
      zh: `截断之前的文本是 "${deltas.join("")}"，不是 "最近的公园"`,
    });
  },

  "through the BFF, a DashScope upstream gives the page the exact reply": (code) =>
    withServer(code, {}, async (upstream) => {
      const { createServer } = await code.load<typeof App>("src/server/app.ts");
      const prompt = "为什么要流式输出？";
      const bff = await startLesson(
        createServer({
          llm: upstream.llm,
          log: () => {},
          upstream: { format: "dashscope", baseUrl: `${upstream.url}/mock/dashscope` },
        }),
      );
      try {
        const stream = await connectSse(`${bff.url}/api/chat`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ messages: [{ role: "user", content: prompt }] }),
        });
        await stream.ended;
        const text = stream.events
          .filter((e) => e.data !== "[DONE]")
          .map(
            (e) =>
              (JSON.parse(e.data) as { choices?: { delta: { content?: string } }[] }).choices?.[0]?.delta
                .content ?? "",
          )
          .join("");
        const expected = upstream.llm.replyTokens(prompt).join("");
        must(text === expected, {
          en: `the page got "${text.slice(0, 30)}…" (${text.length} chars) for a ${expected.length}-char reply`,
          zh: `一条 ${expected.length} 个字符的回复，页面收到的是 "${text.slice(0, 30)}…"（${text.length} 个字符）`,
        });
      } finally {
        await bff.close();
      }
    }),
});
