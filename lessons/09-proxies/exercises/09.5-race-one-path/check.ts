import { defineChecks, type LessonCode, must, withEventSourceGlobal, within } from "@workshop/exercises";
import { createMockLlm } from "@workshop/mock-llm";
import { freePort } from "@workshop/server-kit/private-nginx";
import { postJson } from "@workshop/testkit";
import { EventSource } from "eventsource";
import type * as Race from "../../src/client/path-race.ts";
import { withProxies } from "../with-proxies.ts";

// 24 tokens, 20 ms apart (with-proxies' timing): about half a second from first to last when streamed.
const PROMPT = `echo: ${Array.from({ length: 24 }, (_, i) => `w${i}`).join(" ")}`;
const TOKENS = createMockLlm().replyTokens(PROMPT).length;

const load = async (code: LessonCode) =>
  (await code.load<typeof Race>("src/client/path-race.ts")).readThrough;

async function startJob(direct: string): Promise<string> {
  const response = await postJson(`${direct}/api/jobs`, { prompt: PROMPT });
  return ((await response.json()) as { id: string }).id;
}

/** readThrough's result, or a sentence when it rejected or never settled. */
async function race(promise: Promise<Race.RaceResult>, path: string): Promise<Race.RaceResult> {
  try {
    return await within(promise, 8000, `through ${path}, readThrough never resolved: resolve on done`);
  } catch (error) {
    if ((error as Error).name === "CheckFailed") throw error;
    must(false, `through ${path}, readThrough rejected: ${(error as Error).message}`);
  }
}

/** A loopback port nothing listens on: taken from the OS, then let go (server-kit's freePort). */
const closedPort = freePort;

export default defineChecks({
  "through a path that streams, the first token comes long before the last, and the page hears it at once": (
    code,
  ) =>
    withEventSourceGlobal(EventSource, (opened) =>
      withProxies(code, async (path) => {
        const readThrough = await load(code);
        const id = await startJob(path("direct"));
        const told: { ms: number; at: number }[] = [];
        const result = await race(
          readThrough(path("gzip-accel-header"), id, (ms) => told.push({ ms, at: performance.now() })),
          "a streaming path",
        );
        const resolvedAt = performance.now();
        must(
          result.tokens === TOKENS,
          `counted ${result.tokens} tokens, not ${TOKENS}: count every token event`,
        );
        must(
          Number.isFinite(result.firstMs) && Number.isFinite(result.lastMs),
          `the result says first ${result.firstMs} ms, last ${result.lastMs} ms: note both, as milliseconds since the start`,
        );
        must(
          result.lastMs - result.firstMs >= 150,
          `through a path that streams, the first token came ${Math.round(result.firstMs)} ms and the last ${Math.round(result.lastMs)} ms after the start: note the first token's time when the FIRST token event arrives, not at the end`,
        );
        must(
          told.length === 1 && told[0]?.ms === result.firstMs,
          `onFirstToken was told ${JSON.stringify(told.map((t) => t.ms))}: tell it once, with the first token's time`,
        );
        must(
          (told[0]?.at ?? resolvedAt) < resolvedAt - 100,
          "onFirstToken was told when the reply ended: tell it the moment the first token arrives, so the page shows it while the reply goes on",
        );
        must(
          opened.length > 0 && opened.every((source) => source.readyState === EventSource.CLOSED),
          "the EventSource is still open after done: close it, or it reconnects and asks again for a job that is over",
        );
      }),
    ),

  "through a path that buffers, the first token comes with the last": (code) =>
    withEventSourceGlobal(EventSource, () =>
      withProxies(code, async (path) => {
        const readThrough = await load(code);
        const id = await startJob(path("direct"));
        const result = await race(readThrough(path("gzip"), id), "a buffering path");
        must(
          result.tokens === TOKENS,
          `counted ${result.tokens} tokens, not ${TOKENS}: count every token event`,
        );
        must(
          result.lastMs - result.firstMs < 150,
          `through the buffering path, every token arrived at once, at the end, but the result says the first came ${Math.round(result.firstMs)} ms and the last ${Math.round(result.lastMs)} ms after the start: note the first token's time when the first token event arrives, not before it`,
        );
      }),
    ),

  "a stream the server refuses rejects; a connection that fails before any token calls onRetry": (code) =>
    withEventSourceGlobal(EventSource, () =>
      withProxies(code, async (path) => {
        const readThrough = await load(code);
        const refused = readThrough(path("direct"), "no-such-job").then(
          () => "resolved",
          (error: Error) => `rejected: ${error.message}`,
        );
        const outcome = await within(
          refused,
          3000,
          "the server answered 404 for an unknown job and EventSource gave up, but readThrough never settled: reject when the EventSource's readyState is CLOSED",
        );
        must(outcome.startsWith("rejected"), `for a job the server refused (404), readThrough ${outcome}`);
        must(
          outcome.includes(path("direct")),
          `readThrough ${outcome}: name the path's URL in the error, so the page can say which path failed`,
        );
        const url = `http://127.0.0.1:${await closedPort()}`;
        let tokens = 0;
        await within(
          new Promise<void>((retrying) => {
            readThrough(url, "job-1", () => tokens++, retrying).catch(() => {});
          }),
          3000,
          "nothing listens on the path's port and EventSource retries, but onRetry was never called: call it on an error while EventSource is still connecting and no token came",
        );
        must(tokens === 0, "onFirstToken was called for a path that never answered");
      }),
    ),
});
