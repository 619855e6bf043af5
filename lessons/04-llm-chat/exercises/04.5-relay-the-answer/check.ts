import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { defineChecks, must, mustEventually, within } from "@workshop/exercises";
import { connectSse, postJson, startServer } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

const PROMPT = "Why do LLM products stream?";
const ask = { messages: [{ role: "user", content: PROMPT }] };
const QUIET = () => {}; // upstream failures are logged on purpose: not in the check's output
const SECRET = "sk-check-SECRET-key";

/** One OpenAI-style event, as an upstream writes it. */
const upstreamChunk = (content: string) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

/** A small upstream that does what `handler` says; `closed` turns true when the BFF hangs up on it. */
async function fakeUpstream(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const state = { requests: 0, closed: false };
  const server = createServer((req, res) => {
    state.requests++;
    res.on("close", () => {
      state.closed = true;
    });
    handler(req, res);
  });
  const running = await startServer(server);
  return { baseUrl: `${running.url}/v1`, state, close: running.close };
}

/** POST /api/chat, read as an event stream; `text`, `done` and `error` from its chunks. */
async function chat(url: string) {
  const stream = await connectSse(`${url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(ask),
  });
  await within(stream.ended, 10_000, { en: "the chat stream never ended", zh: "聊天流一直没有结束" });
  const datas = stream.events.map((e) => e.data);
  const payloads = datas
    .filter((d) => d !== "[DONE]")
    .map(
      (d) =>
        JSON.parse(d) as {
          choices?: { delta: { content?: string } }[];
          error?: { code: string; message: string };
        },
    );
  return {
    status: stream.response.status,
    type: stream.response.headers.get("content-type") ?? "(none)",
    text: payloads.map((p) => p.choices?.[0]?.delta.content ?? "").join(""),
    pieces: payloads.filter((p) => p.choices?.[0]?.delta.content).length,
    done: datas.at(-1) === "[DONE]",
    error: payloads.find((p) => p.error)?.error,
  };
}

/** The status and JSON error code of an answer that should not be a stream. */
async function errorAnswer(url: string) {
  const response = await postJson(`${url}/api/chat`, ask);
  const raw = await response.text();
  let code = "(not JSON)";
  try {
    code = (JSON.parse(raw) as { error?: { code?: string } }).error?.code ?? "(no error code)";
  } catch {}
  return { status: response.status, code, raw };
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a healthy answer streams to the page as chunks, then [DONE]":
    "正常的回答以 chunk 流式发给页面，然后是 [DONE]",
  "an upstream that refuses becomes a 502 JSON error, never the upstream's own words":
    "上游拒绝时变成 502 JSON 错误，绝不转发上游的原话",
  "an upstream that never answers becomes a 504 within idleTimeoutMs, and is hung up on":
    "永不回应的上游在 idleTimeoutMs 内变成 504，并被挂断",
  "a stream that breaks off halfway: the page keeps the text, then gets an error chunk, no [DONE]":
    "流到一半断开：页面保留已有文本，然后收到一个错误 chunk，没有 [DONE]",
  "an upstream that falls silent halfway: an in-stream upstream_timeout, and it is hung up on":
    "上游到一半沉默：流里发出 upstream_timeout，并挂断上游",
};

export default defineChecks({
  "a healthy answer streams to the page as chunks, then [DONE]": (code) =>
    withServer(code, { log: QUIET }, async ({ url, llm }) => {
      const result = await chat(url);
      must(result.status === 200, {
        en: `POST /api/chat answered ${result.status}: once the upstream's first delta is in, answer 200 as an event stream`,
        zh: `POST /api/chat 返回了 ${result.status}：上游的第一个增量一到，就以事件流返回 200`,
      });
      must(result.type.startsWith("text/event-stream"), {
        en: `the answer's Content-Type is ${result.type}, not an event stream`,
        zh: `响应的 Content-Type 是 ${result.type}，不是事件流`,
      });
      const expected = llm.replyTokens(PROMPT).join("");
      must(result.text === expected, {
        en: `the page got "${result.text.slice(0, 40)}…" (${result.text.length} characters) for a ${expected.length}-character reply: write one chunk per delta`,
        zh: `一条 ${expected.length} 个字符的回复，页面收到的是 "${result.text.slice(0, 40)}…"（${result.text.length} 个字符）：每个增量写一个 chunk`,
      });
      must(result.pieces > 1, {
        en: "the whole reply came as one chunk: write each delta as it arrives, do not collect them",
        zh: "整段回答是作为一个 chunk 到的：每个增量一到就写出去，不要攒起来",
      });
      must(result.done, {
        en: "the stream ended without [DONE]: when the upstream is done, send the writer's finish()",
        zh: "流没有 [DONE] 就结束了：上游结束时，发出 writer 的 finish()",
      });
    }),

  "an upstream that refuses becomes a 502 JSON error, never the upstream's own words": async (code) => {
    const upstream = await fakeUpstream((req, res) => {
      res.writeHead(500, { "Content-Type": "text/html" });
      res.end(`<h1>Internal error</h1><pre>Authorization: ${req.headers.authorization}</pre>`);
    });
    try {
      await withServer(
        code,
        { log: QUIET, upstream: { baseUrl: upstream.baseUrl, apiKey: SECRET } },
        async ({ url }) => {
          const { status, code: errorCode, raw } = await errorAnswer(url);
          must(status === 502, {
            en: `with an upstream that answers 500, POST /api/chat answered ${status}, not 502: before the first delta, a failure is an honest HTTP error`,
            zh: `上游返回 500 时，POST /api/chat 返回了 ${status}，不是 502：在第一个增量之前，失败就是一个如实的 HTTP 错误`,
          });
          must(errorCode === "upstream_unavailable", {
            en: `the 502's error code is ${errorCode}, not upstream_unavailable: send fail(error)'s code and message`,
            zh: `502 的错误 code 是 ${errorCode}，不是 upstream_unavailable：发送 fail(error) 给出的 code 和 message`,
          });
          must(!raw.includes("Internal error") && !raw.includes(SECRET), {
            en: "the page got the upstream's own text (which quoted the API key): send only fail(error)'s fixed message",
            zh: "页面收到了上游的原始文本（里面引用了 API key）：只发送 fail(error) 给出的固定 message",
          });
        },
      );
    } finally {
      await upstream.close();
    }
  },

  "an upstream that never answers becomes a 504 within idleTimeoutMs, and is hung up on": async (code) => {
    const upstream = await fakeUpstream(() => {}); // accepted, then nothing at all
    try {
      await withServer(
        code,
        { log: QUIET, idleTimeoutMs: 200, upstream: { baseUrl: upstream.baseUrl } },
        async ({ url }) => {
          const { status, code: errorCode } = await within(errorAnswer(url), 5000, {
            en: "with an upstream that never answers and idleTimeoutMs 200, the page waited for ever: take every step with nextWithin(deltas, idleTimeoutMs)",
            zh: "上游永不回应、idleTimeoutMs 为 200 时，页面一直在等：每一步都用 nextWithin(deltas, idleTimeoutMs) 来取",
          });
          must(status === 504 && errorCode === "upstream_timeout", {
            en: `with an upstream that never answers, the page got ${status} ${errorCode}, not 504 upstream_timeout`,
            zh: `上游永不回应时，页面收到的是 ${status} ${errorCode}，不是 504 upstream_timeout`,
          });
          await mustEventually(() => upstream.state.closed, 2000, {
            en: "after the timeout, the upstream request is still open: abort the controller, or the provider keeps generating (and billing) for nobody",
            zh: "超时之后，上游请求还开着：中止 controller，否则服务商会继续为一个没人看的回答生成（并计费）",
          });
        },
      );
    } finally {
      await upstream.close();
    }
  },

  "a stream that breaks off halfway: the page keeps the text, then gets an error chunk, no [DONE]": async (
    code,
  ) => {
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end(upstreamChunk("Hel") + upstreamChunk("lo")); // and no [DONE]: cut by a proxy
    });
    try {
      await withServer(code, { log: QUIET, upstream: { baseUrl: upstream.baseUrl } }, async ({ url }) => {
        const result = await chat(url);
        must(result.status === 200 && result.text === "Hello", {
          en: `the page got ${result.status} with "${result.text}", not 200 with "Hello": what came before the break must still reach the page`,
          zh: `页面收到的是 ${result.status} 和 "${result.text}"，不是 200 和 "Hello"：断开之前到的内容仍然必须送到页面`,
        });
        must(result.error?.code === "upstream_failed", {
          en: `after the upstream broke off, the page got ${result.error ? `the error ${result.error.code}` : "no error chunk"}, not upstream_failed: after the first byte the status is 200 for good, so send the error in the stream (writer.error)`,
          zh: `上游断开之后，页面${result.error ? `收到的是错误 ${result.error.code}` : "没有收到错误 chunk"}，不是 upstream_failed：第一个字节发出之后，状态码就永远是 200 了，所以要在流里发送错误（writer.error）`,
        });
        must(!result.done, {
          en: "after an error, the stream still ended with [DONE], so the page takes half an answer as a whole one",
          zh: "出错之后，流仍然以 [DONE] 结束，页面就会把半截回答当成完整的回答",
        });
      });
    } finally {
      await upstream.close();
    }
  },

  "an upstream that falls silent halfway: an in-stream upstream_timeout, and it is hung up on": async (
    code,
  ) => {
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(upstreamChunk("Hel")); // then silence
    });
    try {
      await withServer(
        code,
        { log: QUIET, idleTimeoutMs: 300, upstream: { baseUrl: upstream.baseUrl } },
        async ({ url }) => {
          const result = await within(chat(url), 5000, {
            en: "with an upstream silent after its first delta and idleTimeoutMs 300, the stream to the page never ended: take every step with nextWithin",
            zh: "上游发出第一个增量后就沉默、idleTimeoutMs 为 300 时，发往页面的流一直没有结束：每一步都用 nextWithin 来取",
          });
          must(result.text === "Hel", {
            en: `the page got ${result.status} with "${result.text}", not 200 with "Hel", before the silence: what came before it must reach the page`,
            zh: `沉默之前，页面收到的是 ${result.status} 和 "${result.text}"，不是 200 和 "Hel"：沉默之前到的内容必须送到页面`,
          });
          must(result.error?.code === "upstream_timeout" && !result.done, {
            en: `after the upstream fell silent, the page got ${result.error ? `the error ${result.error.code}` : "no error chunk"}${result.done ? " and [DONE]" : ""}: send an upstream_timeout error chunk, no [DONE]`,
            zh: `上游沉默之后，页面${result.error ? `收到的是错误 ${result.error.code}` : "没有收到错误 chunk"}${result.done ? "，还收到了 [DONE]" : ""}：发送一个 upstream_timeout 错误 chunk，不要发 [DONE]`,
          });
          await mustEventually(() => upstream.state.closed, 2000, {
            en: "after the silence was reported, the upstream request is still open: abort the controller",
            zh: "沉默已经报告之后，上游请求还开着：中止 controller",
          });
        },
      );
    } finally {
      await upstream.close();
    }
  },
});
