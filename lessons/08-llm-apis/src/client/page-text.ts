// Lesson 08's page in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English;
// MESSAGES is what the page's code writes, in both languages.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; scripts/test/translations.test.ts fails on a key missing in either.
import { type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 08 课 · 真实的 LLM API 流式返回什么",
  title: "第 08 课 · 五种传输格式，一条流",
  lede: "选一家服务商，然后提问。左边：服务商发来的原样内容（它自己的事件）。右边：BFF 把它整理成的那一条流。试试下面的按钮：工具调用、推理、流到一半出错，或者一个谁都不认识的事件类型。",
  provider: "服务商",
  message: "消息",
  send: "发送",
  stop: "停止",
  "new-chat": "新对话",
  "tool-call": "工具调用",
  calculator: "计算器",
  reasoning: "推理",
  "error-mid-stream": "流到一半出错",
  "unknown-event": "未知事件",
  "text-only": "这里 DashScope 的路径只流式输出文本：这些按钮不可用。",
  wire: "线上",
  "on-the-wire": "线上原样",
  chat: "对话",
  rendered: "统一后的流，渲染出来",
};

const en = {
  reasoning: "Reasoning",
  tool: "tool · {name}",
  usage: "usage: {input} in · {output} out",
  finish: "finish: {reason}",
  events: "{n} events",
  "text-only":
    "DashScope's path in this lesson streams text only: no tools, reasoning, mid-stream errors or unknown events.",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    reasoning: "推理过程",
    tool: "工具 · {name}",
    usage: "用量：输入 {input} · 输出 {output}",
    finish: "结束：{reason}",
    events: "{n} 个事件",
    "text-only": "本课 DashScope 的路径只流式输出文本：没有工具、推理、流中错误和未知事件。",
  },
};

/** The page's messages in its language. */
export const say = messagesFor(MESSAGES);
