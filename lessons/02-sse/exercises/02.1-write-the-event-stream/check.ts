import { defineChecks, must, mustEventually, waitUntil, within } from "@workshop/exercises";
import { SILENT } from "@workshop/exercises/lesson-server";
import { connectSse } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

const NO_HEADERS = {
  en: "no response headers arrived while the job had no token yet: send the status and headers at once, not with the first event (Node holds them until the first write)",
  zh: "任务还没有 token 时，一个响应头都没收到：状态码和响应头要立刻发出，不要等第一个事件（Node 会把它们压到第一次写入才发）",
};

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the stream says it is an event stream, and asks proxies not to buffer it":
    "响应声明自己是事件流，并要求代理不要缓冲",
  "the page hears 'open' before the first token": "页面在第一个 token 之前就收到 'open'",
  "the first line is retry:, the reconnection delay": "第一行是 retry:，即重连等待时间",
  "a reply still streams to the end, token by token": "回答仍然一个 token 一个 token 地流到结束",
  "when the client leaves, the server stops waiting for its job": "客户端离开后，服务器不再等待它的任务",
};

export default defineChecks({
  "the stream says it is an event stream, and asks proxies not to buffer it": (code) =>
    withServer(code, { timing: SILENT }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      stream.abort();
      const type = stream.response.headers.get("content-type") ?? "(none)";
      must(type.startsWith("text/event-stream"), {
        en: `the stream's Content-Type is ${type}, not text/event-stream: EventSource refuses any other type`,
        zh: `流的 Content-Type 是 ${type}，不是 text/event-stream：其他类型 EventSource 一概拒绝`,
      });
      const cache = stream.response.headers.get("cache-control") ?? "";
      must(cache.includes("no-cache"), {
        en: "the stream never set `Cache-Control: no-cache, no-transform`: a compressing proxy may hold it back",
        zh: "流没有设置 `Cache-Control: no-cache, no-transform`：做压缩的代理可能会把它扣住",
      });
      must(stream.response.headers.get("x-accel-buffering") === "no", {
        en: "the stream never set `X-Accel-Buffering: no`: nginx would buffer it",
        zh: "流没有设置 `X-Accel-Buffering: no`：nginx 会把它缓冲起来",
      });
    }),

  "the page hears 'open' before the first token": (code) =>
    // No token and no heartbeat for far longer than the wait: only headers sent at once can
    // arrive (a heartbeat is a write, and Node sends held headers with the first write).
    withServer(code, { timing: SILENT, heartbeatMs: 600_000 }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      stream.abort();
      must(stream.response.status === 200, {
        en: `the stream answered ${stream.response.status}, not 200`,
        zh: `流返回的是 ${stream.response.status}，不是 200`,
      });
    }),

  "the first line is retry:, the reconnection delay": (code) =>
    withServer(code, { timing: SILENT, retryMs: 50 }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      await within(
        stream.waitFor((r) => r.retries.length > 0),
        1000,
        {
          en: "with retryMs: 50, no `retry: 50` line arrived: write it first, so the browser knows how long to wait before reconnecting",
          zh: "retryMs 为 50，却没有收到 `retry: 50` 这一行：先写它，浏览器才知道重连前要等多久",
        },
      ).finally(() => stream.abort());
      must(stream.retries[0] === 50, {
        en: `the first retry: line says ${stream.retries[0]}, not 50`,
        zh: `第一行 retry: 写的是 ${stream.retries[0]}，不是 50`,
      });
    }),

  "a reply still streams to the end, token by token": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      await within(stream.ended, 10_000, { en: "the reply never finished", zh: "回答一直没有结束" });
      const tokens = stream.events.filter((e) => e.type === "token").length;
      must(tokens === lesson.llm.replyTokens("why stream?").length, {
        en: `only ${tokens} of ${lesson.llm.replyTokens("why stream?").length} tokens arrived: send() must keep writing while the client is there`,
        zh: `${lesson.llm.replyTokens("why stream?").length} 个 token 只到了 ${tokens} 个：客户端还在的时候，send() 必须一直写`,
      });
    }),

  "when the client leaves, the server stops waiting for its job": (code) =>
    withServer(code, { timing: SILENT }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const stream = await within(connectSse(`${lesson.url}/api/jobs/${id}/events`), 10_000, NO_HEADERS);
      await waitUntil(() => lesson.jobs.listenerCount() === 1, 5000);
      stream.abort();
      await mustEventually(() => lesson.jobs.listenerCount() === 0, 5000, {
        en: "after the client hung up, the job route still listens for tokens: abort the stream's signal on 'close'",
        zh: "客户端挂断之后，任务路由还在监听 token：在 'close' 时 abort 这个流的 signal",
      });
    }),
});
