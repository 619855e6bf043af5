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

export default defineChecks({
  "each event's text is the whole answer so far: only the new part is passed on": async (code) => {
    const { deltas } = await deltasOf(
      code,
      result(1, "最近") + result(2, "最近的公园") + result(3, "最近的公园是", "stop"),
    );
    must(
      deltas.join("|") === "最近|的公园|是",
      `the deltas were ${deltas.join(" | ")}; expected 最近 | 的公园 | 是 (the page would print ${deltas.join("")})`,
    );
  },

  "an event that repeats the text so far passes nothing on": async (code) => {
    const { deltas } = await deltasOf(
      code,
      result(1, "你好") + result(2, "你好") + result(3, "你好！", "stop"),
    );
    must(
      deltas.filter((d) => d !== "").join("|") === "你好|！",
      `when an event repeated the text so far, the deltas were ${deltas.join(" | ")}, not 你好 | ！: an event that adds nothing passes nothing on`,
    );
  },

  "finish_reason stop ends the stream": async (code) => {
    const { deltas } = await deltasOf(code, result(1, "好", "stop") + result(2, "好不好"));
    must(
      deltas.join("") === "好",
      `with an event after finish_reason "stop", "${deltas.join("")}" was passed on, not "好": "stop" is the end, read nothing after it`,
    );
  },

  "an error event is thrown as an UpstreamError, not passed on as text": async (code) => {
    const wire = `${result(1, "最近")}event:error\ndata:${JSON.stringify({ code: "Throttling", message: "Requests rate limit exceeded" })}\n\n`;
    const { deltas, error } = await deltasOf(code, wire);
    must(
      error?.code === "upstream_failed",
      "an `event:error` did not throw an UpstreamError with the code upstream_failed: an error event is a failure, never text",
    );
    must(
      deltas.join("") === "最近",
      `the text before the error was "${deltas.join("")}", not "最近": pass on what came before the error`,
    );
  },

  "a body that ends without finish_reason stop was cut: an UpstreamError, not a finished answer": async (
    code,
  ) => {
    const { deltas, error } = await deltasOf(code, result(1, "最近") + result(2, "最近的公园"));
    must(
      error?.code === "upstream_failed",
      'the body ended with no finish_reason "stop" and the adapter returned as if the answer were complete',
    );
    must(
      deltas.join("") === "最近的公园",
      `the text before the cut was "${deltas.join("")}", not "最近的公园"`,
    );
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
        must(
          text === expected,
          `the page got "${text.slice(0, 30)}…" (${text.length} chars) for a ${expected.length}-char reply`,
        );
      } finally {
        await bff.close();
      }
    }),
});
