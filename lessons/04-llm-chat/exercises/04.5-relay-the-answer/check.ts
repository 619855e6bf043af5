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
  await within(stream.ended, 10_000, "the chat stream never ended");
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

export default defineChecks({
  "a healthy answer streams to the page as chunks, then [DONE]": (code) =>
    withServer(code, { log: QUIET }, async ({ url, llm }) => {
      const result = await chat(url);
      must(
        result.status === 200,
        `POST /api/chat answered ${result.status}: once the upstream's first delta is in, answer 200 as an event stream`,
      );
      must(
        result.type.startsWith("text/event-stream"),
        `the answer's Content-Type is ${result.type}, not an event stream`,
      );
      const expected = llm.replyTokens(PROMPT).join("");
      must(
        result.text === expected,
        `the page got "${result.text.slice(0, 40)}…" (${result.text.length} characters) for a ${expected.length}-character reply: write one chunk per delta`,
      );
      must(
        result.pieces > 1,
        "the whole reply came as one chunk: write each delta as it arrives, do not collect them",
      );
      must(
        result.done,
        "the stream ended without [DONE]: when the upstream is done, send the writer's finish()",
      );
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
          must(
            status === 502,
            `with an upstream that answers 500, POST /api/chat answered ${status}, not 502: before the first delta, a failure is an honest HTTP error`,
          );
          must(
            errorCode === "upstream_unavailable",
            `the 502's error code is ${errorCode}, not upstream_unavailable: send fail(error)'s code and message`,
          );
          must(
            !raw.includes("Internal error") && !raw.includes(SECRET),
            "the page got the upstream's own text (which quoted the API key): send only fail(error)'s fixed message",
          );
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
          const { status, code: errorCode } = await within(
            errorAnswer(url),
            5000,
            "with an upstream that never answers and idleTimeoutMs 200, the page waited for ever: take every step with nextWithin(deltas, idleTimeoutMs)",
          );
          must(
            status === 504 && errorCode === "upstream_timeout",
            `with an upstream that never answers, the page got ${status} ${errorCode}, not 504 upstream_timeout`,
          );
          await mustEventually(
            () => upstream.state.closed,
            2000,
            "after the timeout, the upstream request is still open: abort the controller, or the provider keeps generating (and billing) for nobody",
          );
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
        must(
          result.status === 200 && result.text === "Hello",
          `the page got ${result.status} with "${result.text}", not 200 with "Hello": what came before the break must still reach the page`,
        );
        must(
          result.error?.code === "upstream_failed",
          `after the upstream broke off, the page got ${result.error ? `the error ${result.error.code}` : "no error chunk"}, not upstream_failed: after the first byte the status is 200 for good, so send the error in the stream (writer.error)`,
        );
        must(
          !result.done,
          "after an error, the stream still ended with [DONE], so the page takes half an answer as a whole one",
        );
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
          const result = await within(
            chat(url),
            5000,
            "with an upstream silent after its first delta and idleTimeoutMs 300, the stream to the page never ended: take every step with nextWithin",
          );
          must(
            result.text === "Hel",
            `the page got ${result.status} with "${result.text}", not 200 with "Hel", before the silence: what came before it must reach the page`,
          );
          must(
            result.error?.code === "upstream_timeout" && !result.done,
            `after the upstream fell silent, the page got ${result.error ? `the error ${result.error.code}` : "no error chunk"}${result.done ? " and [DONE]" : ""}: send an upstream_timeout error chunk, no [DONE]`,
          );
          await mustEventually(
            () => upstream.state.closed,
            2000,
            "after the silence was reported, the upstream request is still open: abort the controller",
          );
        },
      );
    } finally {
      await upstream.close();
    }
  },
});
