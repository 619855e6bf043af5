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
async function race(
  promise: Promise<Race.RaceResult>,
  path: { en: string; zh: string },
): Promise<Race.RaceResult> {
  try {
    return await within(promise, 8000, {
      en: `through ${path.en}, readThrough never resolved: resolve on done`,
      zh: `经过${path.zh}，readThrough 一直没有 resolve：收到 done 时要 resolve`,
    });
  } catch (error) {
    if ((error as Error).name === "CheckFailed") throw error;
    must(false, {
      en: `through ${path.en}, readThrough rejected: ${(error as Error).message}`,
      zh: `经过${path.zh}，readThrough reject 了：${(error as Error).message}`,
    });
  }
}

/** A loopback port nothing listens on: taken from the OS, then let go (server-kit's freePort). */
const closedPort = freePort;

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "through a path that streams, the first token comes long before the last, and the page hears it at once":
    "经过流式的路径，第一个 token 远早于最后一个到达，页面也立刻得知",
  "through a path that buffers, the first token comes with the last":
    "经过会缓冲的路径，第一个 token 和最后一个一起到达",
  "a stream the server refuses rejects; a connection that fails before any token calls onRetry":
    "服务器拒绝的流会 reject；在任何 token 到来之前就失败的连接会调用 onRetry",
};

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
          { en: "a streaming path", zh: "一条流式的路径" },
        );
        const resolvedAt = performance.now();
        must(result.tokens === TOKENS, {
          en: `counted ${result.tokens} tokens, not ${TOKENS}: count every token event`,
          zh: `数到 ${result.tokens} 个 token，而不是 ${TOKENS} 个：每个 token 事件都要计数`,
        });
        must(Number.isFinite(result.firstMs) && Number.isFinite(result.lastMs), {
          en: `the result says first ${result.firstMs} ms, last ${result.lastMs} ms: note both, as milliseconds since the start`,
          zh: `结果里第一个是 ${result.firstMs} ms，最后一个是 ${result.lastMs} ms：两个都要记下，用从开始算起的毫秒数`,
        });
        must(result.lastMs - result.firstMs >= 150, {
          en: `through a path that streams, the first token came ${Math.round(result.firstMs)} ms and the last ${Math.round(result.lastMs)} ms after the start: note the first token's time when the FIRST token event arrives, not at the end`,
          zh: `经过流式的路径，第一个 token 在开始后 ${Math.round(result.firstMs)} ms 到达，最后一个在 ${Math.round(result.lastMs)} ms 到达：要在“第一个” token 事件到达时就记下首个 token 的时间，而不是等到最后`,
        });
        must(told.length === 1 && told[0]?.ms === result.firstMs, {
          en: `onFirstToken was told ${JSON.stringify(told.map((t) => t.ms))}: tell it once, with the first token's time`,
          zh: `onFirstToken 收到的是 ${JSON.stringify(told.map((t) => t.ms))}：只通知它一次，传入首个 token 的时间`,
        });
        must((told[0]?.at ?? resolvedAt) < resolvedAt - 100, {
          en: "onFirstToken was told when the reply ended: tell it the moment the first token arrives, so the page shows it while the reply goes on",
          zh: "onFirstToken 是在回答结束时才被通知的：第一个 token 一到就通知它，页面才能在回答继续到达的同时把它显示出来",
        });
        must(opened.length > 0 && opened.every((source) => source.readyState === EventSource.CLOSED), {
          en: "the EventSource is still open after done: close it, or it reconnects and asks again for a job that is over",
          zh: "done 之后 EventSource 还开着：关闭它，否则它会断线重连，再去请求一个已经结束的任务",
        });
      }),
    ),

  "through a path that buffers, the first token comes with the last": (code) =>
    withEventSourceGlobal(EventSource, () =>
      withProxies(code, async (path) => {
        const readThrough = await load(code);
        const id = await startJob(path("direct"));
        const result = await race(readThrough(path("gzip"), id), {
          en: "a buffering path",
          zh: "一条会缓冲的路径",
        });
        must(result.tokens === TOKENS, {
          en: `counted ${result.tokens} tokens, not ${TOKENS}: count every token event`,
          zh: `数到 ${result.tokens} 个 token，而不是 ${TOKENS} 个：每个 token 事件都要计数`,
        });
        must(result.lastMs - result.firstMs < 150, {
          en: `through the buffering path, every token arrived at once, at the end, but the result says the first came ${Math.round(result.firstMs)} ms and the last ${Math.round(result.lastMs)} ms after the start: note the first token's time when the first token event arrives, not before it`,
          zh: `经过会缓冲的路径，所有 token 都是在最后一次性到达的，结果却说第一个在开始后 ${Math.round(result.firstMs)} ms 到达，最后一个在 ${Math.round(result.lastMs)} ms 到达：要在第一个 token 事件到达时才记下首个 token 的时间，不能更早`,
        });
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
        const outcome = await within(refused, 3000, {
          en: "the server answered 404 for an unknown job and EventSource gave up, but readThrough never settled: reject when the EventSource's readyState is CLOSED",
          zh: "对一个未知的任务，服务器返回 404，EventSource 已经放弃，readThrough 却一直没有 settle：EventSource 的 readyState 为 CLOSED 时要 reject",
        });
        must(outcome.startsWith("rejected"), {
          en: `for a job the server refused (404), readThrough ${outcome}`,
          zh: `对服务器拒绝（404）的任务，readThrough 的结果是 ${outcome}`,
        });
        must(outcome.includes(path("direct")), {
          en: `readThrough ${outcome}: name the path's URL in the error, so the page can say which path failed`,
          zh: `readThrough 的结果是 ${outcome}：要在错误里写明这条路径的 URL，页面才能说出是哪条路径失败了`,
        });
        const url = `http://127.0.0.1:${await closedPort()}`;
        let tokens = 0;
        await within(
          new Promise<void>((retrying) => {
            readThrough(url, "job-1", () => tokens++, retrying).catch(() => {});
          }),
          3000,
          {
            en: "nothing listens on the path's port and EventSource retries, but onRetry was never called: call it on an error while EventSource is still connecting and no token came",
            zh: "这条路径的端口上没有任何服务在监听，EventSource 一直在重试，onRetry 却从没被调用：EventSource 仍在连接、还没有 token 到来时出错，就调用它",
          },
        );
        must(tokens === 0, {
          en: "onFirstToken was called for a path that never answered",
          zh: "一条从未应答的路径却调用了 onFirstToken",
        });
      }),
    ),
});
