// Lesson 04's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; scripts/test/translations.test.ts fails on a key missing in either.
import { type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 04 课 · 基于 fetch() 的 LLM 聊天",
  title: "第 04 课 · 用 `fetch()` + `ReadableStream` 聊天",
  lede: "每个回答都是一次 `POST /api/chat`，它的响应体被当作事件流来读。回答到一半按 *停止*：服务器会中止对模型的调用。试试 `echo: <b>markup</b>`。",
  model: "模型",
  "ask-something": "问点什么…（Enter 发送，Shift+Enter 换行）",
  message: "消息",
  send: "发送",
  stop: "停止",
  regenerate: "重新生成",
};

const en = {
  stopped: "Stopped: the partial answer is kept.",
  summary: "first token {ttft} · {rate} · {tokens} tokens · total {total}",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    stopped: "已停止：保留已经生成的部分。",
    summary: "首字 {ttft} · {rate} · {tokens} 个 token · 总计 {total}",
  },
};

/** The page's messages in its language. */
export const say = messagesFor(MESSAGES);
