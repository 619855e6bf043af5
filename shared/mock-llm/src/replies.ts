// The canned answers the mock LLM "generates". English and Chinese, with
// markdown, lists and a fenced code block, so every lesson streams text that
// looks like a real assistant's and exercises multi-byte UTF-8 downstream.

export interface CannedReply {
  id: string;
  language: "en" | "zh";
  /** Lower-case words; a prompt containing one picks this reply. */
  keywords: string[];
  text: string;
}

export const cannedReplies: CannedReply[] = [
  {
    id: "why-stream",
    language: "en",
    keywords: ["why", "stream", "latency", "token"],
    text: `Great question! A language model writes its answer **one token at a time**, and each token takes a few dozen milliseconds to compute.

If the server waits for the whole answer, the user stares at a spinner for the full generation time. Streaming changes what the user *feels*:

1. **Time to first token** drops from seconds to a fraction of a second.
2. The user can start reading, and can press *Stop* when the answer goes astray.
3. Long answers no longer hit request timeouts.

The total time is the same; the wait is not.`,
  },
  {
    id: "sse-vs-websocket",
    language: "en",
    keywords: ["sse", "websocket", "eventsource", "choose", "transport"],
    text: `Here is a short comparison:

- **Server-Sent Events** ride on plain HTTP. The server pushes text; the browser's \`EventSource\` reconnects by itself and resumes with \`Last-Event-ID\`.
- **WebSocket** is a separate protocol after an HTTP upgrade. Both sides send at any time, text or binary, but reconnection is yours to write.

For an AI chat, the answer flows one way, so an HTTP stream is usually enough. Pick WebSocket when the client must talk back *while* the server streams, as in collaborative editing or games.`,
  },
  {
    id: "code-sample",
    language: "en",
    keywords: ["code", "example", "fetch", "reader", "parse"],
    text: `Sure. This reads a streamed response without losing data at chunk boundaries:

\`\`\`ts
const reader = response.body!.getReader();
const decoder = new TextDecoder();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  // stream: true keeps a half-received character for the next chunk
  parser.feed(decoder.decode(value, { stream: true }));
}
\`\`\`

Two details matter: decode in *streaming* mode, and let the parser keep the unfinished line until its line ending arrives.`,
  },
  {
    id: "polling",
    language: "en",
    keywords: ["poll", "polling", "interval", "long"],
    text: `Polling is the oldest trick: ask the server again and again.

- **Short polling** asks every *N* milliseconds. Simple, but most answers are empty and every one pays for headers.
- **Long polling** holds each request open until there is news, then the client asks again at once.

Both need a *cursor* so that nothing is lost or repeated between requests. Streaming keeps one response open instead.`,
  },
  {
    id: "why-stream-zh",
    language: "zh",
    keywords: ["为什么", "流式", "延迟", "体验"],
    text: `好问题！大模型是**一个 token 一个 token** 地生成回答的，每个 token 都需要几十毫秒的计算。

如果服务器等全部生成完再返回，用户就要对着加载动画等完整的生成时间。流式输出改变的是用户的*感受*：

1. **首字时间**从几秒降到几百毫秒。
2. 用户可以边看边读，答偏了还能随时点「停止」。
3. 很长的回答也不会撞上请求超时。

总耗时没有变，等待的感觉变了。`,
  },
  {
    id: "transport-zh",
    language: "zh",
    keywords: ["sse", "websocket", "选择", "区别", "推送"],
    text: `简单对比一下：

- **SSE（服务器推送事件）**基于普通 HTTP，服务器单向推送文本；浏览器的 \`EventSource\` 会自动重连，并通过 \`Last-Event-ID\` 续传。
- **WebSocket** 在 HTTP 升级之后换成独立协议，双方随时收发，支持文本和二进制，但断线重连要自己写。

AI 对话的数据基本单向流动，HTTP 流通常就够用。需要边流式输出边从客户端发消息时（协同编辑、游戏），再考虑 WebSocket。`,
  },
  {
    id: "code-zh",
    language: "zh",
    keywords: ["代码", "示例", "解析", "怎么写"],
    text: `好的，下面的代码在分块边界处不会丢数据：

\`\`\`ts
const reader = response.body!.getReader();
const decoder = new TextDecoder();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  // stream: true 会把被截断的半个汉字留到下一块
  parser.feed(decoder.decode(value, { stream: true }));
}
\`\`\`

关键两点：用*流式模式*解码；解析器要把没收完的一行留到换行符到达。`,
  },
];

/** A prompt of the form `echo: <text>` makes the reply exactly `<text>`: tests use it. */
export const ECHO_PREFIX = "echo:";

/**
 * The longest reply any prompt can get: canned replies are far shorter, and an
 * echo is cut here. Only `blob:` with `largeReplies` on goes past it.
 */
export const MAX_REPLY_CHARS = 16_000;

/**
 * `blob: <n>` makes the reply ONE token of n characters (at most 4 Mi): a
 * large-message test. Only with createMockLlm({ largeReplies: true }).
 */
export const BLOB_PREFIX = "blob:";
export const MAX_BLOB = 4 * 1024 * 1024;

/** n characters, mixing ASCII and multi-byte text so every split matters. */
export function blobText(n: number): string {
  const unit = "stream 流式输出 ";
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

const CJK = /[\u3400-\u9fff]/;

/** Picks the reply for a prompt: echo, then keywords, then a stable choice by language. */
export function chooseReply(prompt: string): { id: string; text: string } {
  const trimmed = prompt.trim();
  if (trimmed.toLowerCase().startsWith(ECHO_PREFIX)) {
    return { id: "echo", text: trimmed.slice(ECHO_PREFIX.length).replace(/^ /, "") };
  }
  const language = CJK.test(prompt) ? "zh" : "en";
  const candidates = cannedReplies.filter((reply) => reply.language === language);
  const lower = prompt.toLowerCase();
  const byKeyword = candidates.find((reply) => reply.keywords.some((word) => lower.includes(word)));
  if (byKeyword) return byKeyword;
  // No keyword: the same prompt always gets the same reply.
  return candidates[stableHash(lower) % candidates.length] as CannedReply;
}

function stableHash(text: string): number {
  let hash = 2166136261; // FNV-1a
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
