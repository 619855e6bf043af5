// Lesson 02's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; test/page-text.test.ts fails on a key missing in either.
import { METRIC_NAMES, type Messages } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 02 课 · 服务器推送事件（SSE）",
  title: "第 02 课 · 服务器推送事件（SSE）",
  lede: "一个永远不结束的响应：服务器把每个 token 写成一个事件。打开 DevTools → Network，点开 `events` 请求和它的 *EventStream* 标签页，然后按 *断开连接*。",
  prompt: "为什么 LLM 产品要流式输出回答？",
  "your-question": "你的问题",
  ask: "提问",
  stop: "停止",
  drop: "断开连接",
  tutorial: "教程写法：`[DONE]` + `res.end()`（陷阱）",
  "reply-heading": "通过 EventSource 接收回答",
  "reply-how": '`POST /api/jobs`，然后 `new EventSource("/api/jobs/:id/events")`',
  "clock-heading": "服务器时钟",
  "start-clock": "启动时钟",
  "clock-how": "`GET /api/clock`：每秒一个 `tick` 事件；停止时服务器清掉定时器。",
  "notifications-heading": "通知",
  listening: "人在线",
  "notifications-how": "`GET /api/notifications` 会扇出到每个打开的标签页。再开一个标签页试试。",
  notice: "5 分钟后休息",
  "notice-label": "通知内容",
  broadcast: "广播",
};

const en = {
  ...METRIC_NAMES.en,
  tokens: "Tokens received",
  reconnects: "Reconnections",
  "log-tutorial": "GET /api/tutorial/stream (tokens without ids, then [DONE] + res.end())",
  "log-starts-over": "reconnected: the server starts the reply over",
  "log-job": "202: job {id}…; new EventSource(…/events)",
  "log-done": "event: done ({tokens} tokens) → close()",
  "log-resumed": "reconnected with Last-Event-ID: {id}",
  "log-lost": "connection lost: retrying…",
  "log-stopped": "close(): stopped by you",
  "log-dropped": "POST /api/debug/drop: {n} stream(s) cut",
  "start-clock": "Start clock",
  "stop-clock": "Stop clock",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    ...METRIC_NAMES.zh,
    tokens: "收到的 token",
    reconnects: "重连次数",
    "log-tutorial": "GET /api/tutorial/stream（token 不带 id，最后 [DONE] + res.end()）",
    "log-starts-over": "重连了：服务器从头开始生成回答",
    "log-job": "202：任务 {id}…；new EventSource(…/events)",
    "log-done": "event: done（{tokens} 个 token）→ close()",
    "log-resumed": "带着 Last-Event-ID: {id} 重连",
    "log-lost": "连接断了：正在重试…",
    "log-stopped": "close()：你停止了",
    "log-dropped": "POST /api/debug/drop：切断了 {n} 个流",
    "start-clock": "启动时钟",
    "stop-clock": "停止时钟",
  },
};
