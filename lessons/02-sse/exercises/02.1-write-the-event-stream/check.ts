import { defineChecks, must, mustEventually, waitUntil, within } from "@workshop/exercises";
import { SILENT } from "@workshop/exercises/lesson-server";
import { connectSse } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

const NO_HEADERS =
  "no response headers arrived while the job had no token yet: send the status and headers at once, not with the first event (Node holds them until the first write)";

export default defineChecks({
  "the stream says it is an event stream, and asks proxies not to buffer it": (code) =>
    withServer(code, { timing: SILENT }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      stream.abort();
      const type = stream.response.headers.get("content-type") ?? "(none)";
      must(
        type.startsWith("text/event-stream"),
        `the stream's Content-Type is ${type}, not text/event-stream: EventSource refuses any other type`,
      );
      const cache = stream.response.headers.get("cache-control") ?? "";
      must(
        cache.includes("no-cache"),
        "the stream never set `Cache-Control: no-cache, no-transform`: a compressing proxy may hold it back",
      );
      must(
        stream.response.headers.get("x-accel-buffering") === "no",
        "the stream never set `X-Accel-Buffering: no`: nginx would buffer it",
      );
    }),

  "the page hears 'open' before the first token": (code) =>
    withServer(code, { timing: SILENT }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      stream.abort();
      must(stream.response.status === 200, `the stream answered ${stream.response.status}, not 200`);
    }),

  "the first line is retry:, the reconnection delay": (code) =>
    withServer(code, { timing: SILENT, retryMs: 50 }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      await within(
        stream.waitFor((r) => r.retries.length > 0),
        1000,
        "with retryMs: 50, no `retry: 50` line arrived: write it first, so the browser knows how long to wait before reconnecting",
      ).finally(() => stream.abort());
      must(stream.retries[0] === 50, `the first retry: line says ${stream.retries[0]}, not 50`);
    }),

  "a reply still streams to the end, token by token": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      await within(stream.ended, 10_000, "the reply never finished");
      const tokens = stream.events.filter((e) => e.type === "token").length;
      must(
        tokens === lesson.llm.replyTokens("why stream?").length,
        `only ${tokens} of ${lesson.llm.replyTokens("why stream?").length} tokens arrived: send() must keep writing while the client is there`,
      );
    }),

  "when the client leaves, the server stops waiting for its job": (code) =>
    withServer(code, { timing: SILENT }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      await waitUntil(() => lesson.jobs.listenerCount() === 1, 5000);
      stream.abort();
      await mustEventually(
        () => lesson.jobs.listenerCount() === 0,
        5000,
        "after the client hung up, the job route still listens for tokens: abort the stream's signal on 'close'",
      );
    }),
});
