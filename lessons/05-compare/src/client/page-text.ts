// Lesson 05's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; scripts/test/translations.test.ts fails on a key missing in either.
import { METRIC_NAMES, type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 05 课 · 所有传输方式并排对比",
  title: "第 05 课 · 同一个回答，五种方式，同一种故障",
  lede: "先提问，然后在各个窗格流式输出时把网络弄坏。哪些传输方式能自己恢复，哪些能从断开的地方精确续传？`RESULTS.md` 里有实测的答案。",
  prompt: "为什么 LLM 产品要流式输出回答？",
  "your-question": "你的问题",
  "ask-all": "五种一起问",
  drop: "断开所有连接",
  restart: "重启服务器",
  slow: "慢网络",
  fragment: "1 字节分片",
  clear: "清除故障",
  short: "短轮询",
  long: "长轮询",
  fetch: "fetch 流",
  idle: "空闲",
  "short-how": "第 01 课 · 每次回答后 setTimeout",
  "long-how": "第 01 课 · 挂住直到有新内容",
  "sse-how": "第 02 课 · EventSource + Last-Event-ID",
  "ws-how": "第 03 课 · 手写重连 + afterSeq",
  "fetch-how": "第 04 课 · POST + ReadableStream",
};

const en = {
  ...METRIC_NAMES.en,
  reconnects: "Reconnects",
  "lost-duplicated": "Tokens lost / duplicated",
  "no-seq": "– (no seq)",
  streaming: "streaming",
  done: "done",
  "gave-up": "gave up",
  stuck: "stuck",
  injected: "Injected: {fault}",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    ...METRIC_NAMES.zh,
    reconnects: "重连次数",
    "lost-duplicated": "丢失 / 重复的 token",
    "no-seq": "–（没有 seq）",
    streaming: "流式输出中",
    done: "完成",
    "gave-up": "放弃了",
    stuck: "卡住了",
    injected: "已注入：{fault}",
  },
};

/** The page's messages in its language. */
export const say = messagesFor(MESSAGES);
