// Lesson 07's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; scripts/test/translations.test.ts fails on a key missing in either.
import { type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 07 课 · 不止一台服务器",
  title: "第 07 课 · 三个实例，一个 Redis",
  lede: "负载均衡器把每个请求发给下一个活着的实例。先提问，然后 *杀掉* 正在提供这条流的实例：EventSource 会重连，落到另一个实例上，回答从 Redis 接着来。杀掉正在 *生成* 回答的那个，回答就会停下，并明确标成 “interrupted”。",
  instances: "实例",
  prompt: "为什么 LLM 产品要流式输出回答？",
  "your-question": "你的问题",
  ask: "提问",
  cancel: "取消",
  continue: "继续",
  idle: "空闲",
};

const en = {
  up: "up",
  down: "down",
  connections: "{n} connection(s)",
  generating: " · generating this reply",
  kill: "Kill {name}",
  start: "Start {name}",
  "start-failed": "failed: {why}. Ask again in a moment.",
  "no-answer": "the server did not answer",
  tokens: "tokens",
  duplicated: "duplicated",
  missing: "missing",
  "served-by": "served by",
  "metric-connections": "connections",
  streaming: "streaming",
  refused: "failed: the server refused the stream, and EventSource gave up. Ask again.",
  reconnecting: "reconnecting…",
  done: "done ({reason})",
  interrupted: "interrupted: the instance generating this reply died.",
  continued: "⟳ continued by a new generation:",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    up: "在线",
    down: "已停",
    connections: "{n} 个连接",
    generating: " · 正在生成这个回答",
    kill: "杀掉 {name}",
    start: "启动 {name}",
    "start-failed": "失败：{why}。稍后再问一次。",
    "no-answer": "服务器没有回应",
    tokens: "token 数",
    duplicated: "重复",
    missing: "缺失",
    "served-by": "由谁提供",
    "metric-connections": "连接次数",
    streaming: "流式输出中",
    refused: "失败：服务器拒绝了这条流，EventSource 放弃了。请重新提问。",
    reconnecting: "重连中…",
    done: "完成（{reason}）",
    interrupted: "中断：正在生成这个回答的实例挂了。",
    continued: "⟳ 由一次新的生成接着写：",
  },
};

/** The page's messages in its language. */
export const say = messagesFor(MESSAGES);
