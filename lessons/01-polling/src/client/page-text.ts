// Lesson 01's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; test/page-text.test.ts fails on a key missing in either.
import { METRIC_NAMES, type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 01 课 · 等全部生成完 vs 轮询",
  title: "第 01 课 · 等整段回复 vs 轮询回复",
  lede: "服务器一个 token 一个 token 地生成回复。盯住 *首字延迟*：那才是用户的感受。打开 DevTools → Network，看每一个请求。",
  prompt: "为什么 LLM 产品要流式输出回答？",
  "your-question": "你的问题",
  "ask-all": "三种一起问",
  stop: "停止",
  "blocking-heading": "1 · 阻塞请求",
  "blocking-how": "`POST /api/complete` 只回答一次，在生成结束之后。",
  typewriter: "之后用假的打字机效果（障眼法）",
  "run-only": "只跑这一个",
  idle: "空闲",
  "short-heading": "2 · 短轮询",
  "short-how": "每 N ms 请求一次 `GET /api/jobs/:id?cursor=N`；每次都立刻返回，经常是空的。",
  every: "间隔",
  latency: "服务器延迟",
  naive: "天真的 `setInterval(fetch)`（陷阱）",
  "long-heading": "3 · 长轮询",
  "long-how": "`GET /api/jobs/:id/wait?cursor=N` 被挂住直到有新内容，然后马上再问一次。",
};

const en = {
  ...METRIC_NAMES.en,
  empty: "Empty responses",
  waiting: "waiting for the whole reply…",
  starting: "starting job…",
  polling: "polling…",
  "waiting-server": "waiting on the server…",
  done: "done",
  stopped: "stopped",
  failed: "failed",
  "log-at-once": "200: {tokens} tokens at once, generated in {ms} ms",
  "log-job": "202: job {id}…",
  "log-poll": "200: {what}, cursor → {cursor}{done}",
  "nothing-new": "nothing new",
  "n-tokens": "{n} tokens",
  "and-done": ", done",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    ...METRIC_NAMES.zh,
    empty: "空响应",
    waiting: "等待整段回复…",
    starting: "正在创建任务…",
    polling: "轮询中…",
    "waiting-server": "在服务器上等待…",
    done: "完成",
    stopped: "已停止",
    failed: "失败",
    "log-at-once": "200：{tokens} 个 token 一次性到达，生成用了 {ms} ms",
    "log-job": "202：任务 {id}…",
    "log-poll": "200：{what}，cursor → {cursor}{done}",
    "nothing-new": "没有新内容",
    "n-tokens": "{n} 个 token",
    "and-done": "，完成",
  },
};

/** The page's messages in its language (modes.ts and panel.ts write them). */
export const say = messagesFor(MESSAGES);
