// Lesson 03's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; scripts/test/translations.test.ts fails on a key missing in either.
import { METRIC_NAMES, type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 03 课 · WebSocket",
  title: "第 03 课 · WebSocket：双向通信，一条连接",
  lede: "回答在流式输出的同时，同一个 socket 还承载着 *取消* 和聊天。浏览器从不自己重连 WebSocket：按 *断开连接*，看页面自己带着退避重连。DevTools → Network → WS → `ws` → Messages 能看到每一帧。",
  prompt: "为什么 LLM 产品要流式输出回答？",
  "your-question": "你的问题",
  ask: "提问",
  cancel: "取消",
  drop: "断开连接",
  "reply-heading": "回答",
  connecting: "连接中",
  "reply-how": '`→ {type:"start"}`，`← started · token… · done`；重连后发 `→ {type:"resume", afterSeq}`',
  "chat-heading": "聊天室",
  "chat-how": "再开一个标签页：消息会发给每个打开的 socket。离线时输入的消息最多排 10 条，重连后发出。",
  "say-hello": "打个招呼",
  "chat-message": "聊天消息",
  send: "发送",
};

const en = {
  ...METRIC_NAMES.en,
  tokens: "Tokens",
  "duplicated-lost": "Duplicated / lost",
  queued: "Chat messages queued",
  open: "open",
  connecting: "connecting",
  waiting: "waiting",
  "gave-up": "gave-up",
  closed: "closed",
  "retry-in": " · attempt {attempt}, retry in {ms}",
  "after-attempts": " after {attempts} attempts",
  "log-open": "open",
  "log-open-again": "open again",
  "log-closed": "closed {code} {meaning}{reason}",
  "log-unreadable": "← unreadable frame: {error}",
  "log-dropped": "POST /api/debug/drop: {n} socket(s) terminated",
  "chat-queued": "(queued until reconnected) {text}",
  "chat-not-sent": "(not sent: {n} already queued) {text}",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    ...METRIC_NAMES.zh,
    tokens: "token 数",
    "duplicated-lost": "重复 / 丢失",
    queued: "排队中的聊天消息",
    open: "已连接",
    connecting: "连接中",
    waiting: "等待重连",
    "gave-up": "已放弃",
    closed: "已关闭",
    "retry-in": " · 第 {attempt} 次，{ms} 后重试",
    "after-attempts": "，共试了 {attempts} 次",
    "log-open": "已连接",
    "log-open-again": "重新连上了",
    "log-closed": "关闭 {code} {meaning}{reason}",
    "log-unreadable": "← 读不懂的帧：{error}",
    "log-dropped": "POST /api/debug/drop：终止了 {n} 个 socket",
    "chat-queued": "（排队，等重连后发出）{text}",
    "chat-not-sent": "（没发出：已经有 {n} 条在排队）{text}",
  },
};

/** The page's messages in its language. */
export const say = messagesFor(MESSAGES);
