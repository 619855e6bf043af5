// Small servers for what no lesson serves: each route is one known fault (or its
// healthy twin), on 127.0.0.1:0. Silence and pacing are controlled by events, not
// sleeps: a route that must be read in two parts waits for `release()`, which the
// test calls from the doctor's onRead, i.e. once the first part has been read.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { constants, createGzip } from "node:zlib";
import { drainOrClose } from "@workshop/02-sse/server/event-stream.ts";
import { createMockLlm, type GenerateOptions, type MockLlm } from "@workshop/mock-llm";
import { encodeEvent } from "@workshop/protocol";
import { startServer } from "@workshop/testkit";
import { WebSocketServer } from "ws";

const EVENT_STREAM = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
};
const TOKENS = ["Streams ", "arrive ", "token ", "by ", "token", "."];

export interface Fixtures {
  url: string;
  /** Lets every route waiting on a gate go on. */
  release(): void;
  /** Requests received, by path, and the last request's headers. */
  seen: Map<string, { count: number; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
}

/** Keeps the response open (a live stream) until the client leaves. */
const hold = (res: ServerResponse) => new Promise<void>((resolve) => res.once("close", () => resolve()));

export async function startFixtures(): Promise<Fixtures> {
  let waiting: (() => void)[] = [];
  const gate = () => new Promise<void>((resolve) => waiting.push(resolve));
  const seen: Fixtures["seen"] = new Map();

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => unknown> = {
    // A short reply done right: ids, Last-Event-ID honoured, and 204 once the client has it all.
    "/resumable": (req, res) => {
      const events = ["one", "two", "three"].map((data, i) => ({ id: String(i + 1), data }));
      const after = Number(req.headers["last-event-id"] ?? 0);
      if (after >= events.length) {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, EVENT_STREAM);
      res.end(
        events
          .filter((e) => Number(e.id) > after)
          .map((e) => encodeEvent(e))
          .join(""),
      );
    },
    // No id: on any event, then [DONE] and the end: every reconnect starts the reply again.
    "/no-ids": (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      res.end(TOKENS.map((t) => encodeEvent({ data: t })).join("") + encodeEvent({ data: "[DONE]" }));
    },
    // Ids on every event, but Last-Event-ID ignored: a reconnect always starts from id 1. Then stays open.
    "/ignores-last-event-id": async (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      res.write(TOKENS.map((t, i) => encodeEvent({ id: String(i + 1), data: t })).join(""));
      await hold(res);
    },
    // A correct stream sent as text/plain: EventSource refuses it.
    "/wrong-content-type": async (_req, res) => {
      res.writeHead(200, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
      });
      res.write(encodeEvent({ id: "1", data: "hello" }));
      await hold(res);
    },
    // Nothing about caching or transforming.
    "/no-cache-headers": async (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(encodeEvent({ id: "1", data: "hello" }));
      await hold(res);
    },
    // The last event lacks its blank line: EventSource never dispatches it.
    "/unterminated": (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      res.end("data: one\n\ndata: two\n");
    },
    // Headers, a retry line, then nothing, ever (until the client leaves).
    "/silent": async (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      res.write("retry: 1000\n\n");
      await hold(res);
    },
    // A whole reply in one write at the end: what a buffering hop delivers.
    "/all-at-once": (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      res.end(TOKENS.map((t, i) => encodeEvent({ id: String(i), data: t })).join(""));
    },
    // "你好" with 你's three bytes split: two bytes, then (once the doctor read them) the rest.
    "/split-utf8": async (_req, res) => {
      const bytes = Buffer.from(encodeEvent({ data: "你好" }));
      const cut = bytes.indexOf(Buffer.from("你")) + 2;
      res.writeHead(200, EVENT_STREAM);
      res.write(bytes.subarray(0, cut));
      await gate();
      res.end(bytes.subarray(cut));
    },
    // Latin-1 bytes where UTF-8 belongs.
    "/not-utf8": (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      res.end(Buffer.concat([Buffer.from("data: caf"), Buffer.from([0xe9]), Buffer.from("\n\n")]));
    },
    // gzip, flushed after every event: compressed, yet it streams.
    "/gzip-flushed": async (_req, res) => {
      res.writeHead(200, { ...EVENT_STREAM, "Content-Encoding": "gzip" });
      const gzip = createGzip({ flush: constants.Z_SYNC_FLUSH });
      gzip.pipe(res);
      gzip.write(encodeEvent({ id: "1", data: "compressed" }));
      await hold(res);
      gzip.destroy();
    },
    // Bytes as fast as the client takes them, forever: the doctor must stop by itself.
    "/endless": async (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      const chunk = encodeEvent({ data: "x".repeat(4000) });
      while (!res.destroyed) if (!res.write(chunk)) await drainOrClose(res);
    },
    "/redirect-same-origin": (_req, res) => {
      res.writeHead(302, { Location: "/ignores-last-event-id" });
      res.end();
    },
    "/redirect-away": (_req, res, url) => {
      res.writeHead(302, { Location: url.searchParams.get("to") ?? "/" });
      res.end();
    },
    // An error page that echoes the request's Authorization header back.
    "/echo-authorization": (req, res) => {
      res.writeHead(401, { "Content-Type": "text/plain" });
      res.end(`bad credentials: ${req.headers.authorization}`);
    },
    // A fetch() stream of NDJSON, ending with a final line.
    "/ndjson": (_req, res) => {
      res.writeHead(200, {
        "Content-Type": "application/x-ndjson",
        "Cache-Control": "no-cache, no-transform",
      });
      res.end(
        `${TOKENS.map((t) => JSON.stringify({ text: t })).join("\n")}\n${JSON.stringify({ done: true })}\n`,
      );
    },
    // A chat stream that just stops: no [DONE], no done event.
    "/no-final-event": (_req, res) => {
      res.writeHead(200, EVENT_STREAM);
      res.end(TOKENS.map((t) => encodeEvent({ data: JSON.stringify({ text: t }) })).join(""));
    },
    // OpenAI-style chunks, wrong: ?fault=no-done ends without [DONE]; ?fault=usage-first sends usage
    // before the finish_reason (clients read usage from the last chunk).
    "/openai-broken": (_req, res, url) => {
      const chunk = (delta: object, finish: string | null) =>
        encodeEvent({
          data: JSON.stringify({
            object: "chat.completion.chunk",
            choices: [{ index: 0, delta, finish_reason: finish }],
          }),
        });
      const usage = encodeEvent({ data: JSON.stringify({ choices: [], usage: { total_tokens: 3 } }) });
      res.writeHead(200, EVENT_STREAM);
      if (url.searchParams.get("fault") === "no-done")
        res.end(chunk({ role: "assistant", content: "Hi" }, null) + chunk({}, "stop") + usage);
      else
        res.end(
          chunk({ role: "assistant", content: "Hi" }, null) +
            usage +
            chunk({}, "stop") +
            encodeEvent({ data: "[DONE]" }),
        );
    },
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const entry = seen.get(url.pathname) ?? { count: 0, headers: {} };
    seen.set(url.pathname, { count: entry.count + 1, headers: req.headers });
    const route = routes[url.pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    req.resume(); // a POST body is not needed
    void route(req, res, url);
  });
  const running = await startServer(server);
  return {
    url: running.url,
    release() {
      const now = waiting;
      waiting = [];
      for (const resolve of now) resolve();
    },
    seen,
    close: running.close,
  };
}

/**
 * A WebSocket server with none of lesson 03's care: it accepts any Origin, never
 * answers a ping (autoPong off) and never says anything.
 */
export async function startCarelessWebSocket() {
  const server = createServer();
  const wss = new WebSocketServer({ server, autoPong: false });
  const running = await startServer(server);
  return {
    url: running.url.replace(/^http/, "ws"),
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await running.close();
    },
  };
}

/**
 * A mock LLM that makes each token after the first only once the doctor has read again
 * (`release`, from its onRead): a reply streams over many reads however slow the machine, and never
 * finishes before the doctor is there to read it. Aborting still ends it.
 */
export function pacedLlm(): { llm: MockLlm; release(): void } {
  const inner = createMockLlm({ timing: "instant" });
  const waiting: (() => void)[] = [];
  // A read that comes before the generator waits is kept, not lost: the next token may go at once.
  let readSinceLastToken = false;
  const readAgain = (signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (readSinceLastToken || signal?.aborted) {
        readSinceLastToken = false;
        resolve();
        return;
      }
      waiting.push(resolve);
      signal?.addEventListener("abort", () => resolve(), { once: true });
    });
  // Everything else (replyTokens, model, running…) is the inner mock's own.
  const llm: MockLlm = Object.create(inner, {
    generate: {
      value: async function* (input: Parameters<MockLlm["generate"]>[0], options?: GenerateOptions) {
        let first = true; // free: lesson 04's BFF sends its headers only with the first token
        for await (const token of inner.generate(input, options)) {
          if (!first) await readAgain(options?.signal);
          first = false;
          yield token;
        }
      },
    },
  });
  return {
    llm,
    release() {
      if (waiting.length === 0) readSinceLastToken = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}
