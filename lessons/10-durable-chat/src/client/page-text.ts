// Lesson 10's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; scripts/test/translations.test.ts fails on a key missing in either.
import { type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 10 课 · 断不掉的聊天",
  title: "第 10 课 · 断不掉的聊天",
  lede: "先提问，然后在回答到一半时刷新页面、在第二个标签页打开这个地址，或者断网再恢复：回答都会从这个标签页读到的地方接着来。关掉所有标签页也停不了它；只有 *停止* 能停，在任何一个标签页按都行。",
  "ai-sdk-link": "同一个聊天，用 AI SDK 的 `useChat` 来写",
  message: "消息",
  send: "发送",
  stop: "停止",
  "new-chat": "新对话",
  idle: "空闲",
};

const en = {
  question: "Why do LLM products stream their answers?",
  tally: "read from offset {from} · {count} tokens · gaps {gaps} · repeats {repeats}",
  "previous-version": "Previous version",
  "next-version": "Next version",
  regenerate: "Regenerate",
  "answer-tokens": " · {n} tokens",
  complete: "complete",
  stopped: "stopped",
  max_tokens: "cut at the token limit",
  interrupted: "interrupted: not complete",
  failed: "failed: not complete",
  "reason-complete": "complete",
  "reason-stopped": "stopped",
  "reason-max_tokens": "max_tokens",
  "reason-interrupted": "interrupted",
  "reason-failed": "failed",
  "run-gone": "this answer's run is no longer kept on the server: showing what the chat kept",
  reading: "streaming: reading the answer",
  "connection-lost": "connection lost: reading again shortly",
  offline: "offline: continues when back online",
  ended: "answer {reason} · {tokens} tokens",
  "load-failed": "could not load the chat: {why}",
  idle: "idle",
  "idle-empty": "idle: ask something",
  "send-failed": "{why} Send again to retry.",
  "server-answered": "The server answered {status}.",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    question: "为什么 LLM 产品要流式输出回答？",
    tally: "从偏移量 {from} 开始读 · {count} 个 token · 缺口 {gaps} · 重复 {repeats}",
    "previous-version": "上一个版本",
    "next-version": "下一个版本",
    regenerate: "重新生成",
    "answer-tokens": " · {n} 个 token",
    complete: "完成",
    stopped: "已停止",
    max_tokens: "达到 token 上限，被截断",
    interrupted: "中断：没有写完",
    failed: "失败：没有写完",
    "reason-complete": "完成",
    "reason-stopped": "已停止",
    "reason-max_tokens": "达到 token 上限",
    "reason-interrupted": "中断",
    "reason-failed": "失败",
    "run-gone": "服务器上已不再保留这个回答的 run：显示的是聊天记录里保存的内容",
    reading: "流式输出中：正在读取回答",
    "connection-lost": "连接断了：稍后重新读取",
    offline: "离线：恢复联网后继续",
    ended: "回答{reason} · {tokens} 个 token",
    "load-failed": "无法加载聊天：{why}",
    idle: "空闲",
    "idle-empty": "空闲：问点什么吧",
    "send-failed": "{why} 再按一次发送即可重试。",
    "server-answered": "服务器返回了 {status}。",
  },
};

/** The page's messages in its language. */
export const say = messagesFor(MESSAGES);

const ENDS = ["complete", "stopped", "max_tokens", "interrupted", "failed"] as const;
type End = (typeof ENDS)[number];
/** A status or end reason the catalogue knows (a newer server may send one it does not). */
export const isEnd = (status: string): status is End => (ENDS as readonly string[]).includes(status);

/** The AI SDK page's HTML in Chinese: only its tab's title, since React writes the rest. */
export const AI_SDK_HTML_ZH: Record<string, string> = {
  "page-title": "第 10 课 · AI SDK 的 useChat，断线续传",
};

// The AI SDK page (ai-sdk/index.html) is React's: its component says these itself,
// since usePageLanguage translates the HTML before React has rendered it.
const aiSdkEn = {
  title: "Lesson 10 · The same chat with useChat",
  lede: "`@ai-sdk/react`'s `useChat` with `resume: true`: reload mid-answer and it reconnects.",
  "hand-written": "The hand-written page, same chat",
  message: "Message",
  question: "Why do LLM products stream their answers?",
  send: "Send",
  stop: "Stop",
  error: "error: {why}",
  submitted: "submitted",
  streaming: "streaming",
  ready: "ready",
  errored: "error",
  stopped: "stopped",
  max_tokens: "max_tokens",
  interrupted: "interrupted",
  failed: "failed",
};

export const AI_SDK_MESSAGES: Messages<keyof typeof aiSdkEn> = {
  en: aiSdkEn,
  zh: {
    title: "第 10 课 · 用 useChat 写同一个聊天",
    lede: "`@ai-sdk/react` 的 `useChat`，加上 `resume: true`：回答到一半时刷新页面，它会重新连上。",
    "hand-written": "手写的页面，同一个聊天",
    message: "消息",
    question: "为什么 LLM 产品要流式输出回答？",
    send: "发送",
    stop: "停止",
    error: "出错：{why}",
    submitted: "已提交",
    streaming: "流式输出中",
    ready: "就绪",
    errored: "出错",
    stopped: "已停止",
    max_tokens: "达到 token 上限，被截断",
    interrupted: "中断：没有写完",
    failed: "失败：没有写完",
  },
};

/** The AI SDK page's messages in its language. */
export const sayAiSdk = messagesFor(AI_SDK_MESSAGES);
