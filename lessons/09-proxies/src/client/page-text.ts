// Lesson 09's pages in 中文 (?lang=zh; page-kit's page-language.ts). HTML_ZH is the
// Chinese of each data-i18n key in index.html, whose own text is the English, and
// TAB_ZH of the keys only tab/index.html has; MESSAGES is what the pages' code writes,
// in both languages. NOTES_ZH is the Chinese of each path's note: the English is the
// server's own (GET /api/proxies, from src/server/paths.ts), so it is not copied here.
// To add a string: a data-i18n key in index.html and its Chinese here, or a key in
// both MESSAGES languages; scripts/test/translations.test.ts fails on a key missing in either.
import { type Messages, messagesFor } from "@workshop/page-kit";

export const HTML_ZH: Record<string, string> = {
  "page-title": "第 09 课 · 服务器与浏览器之间",
  title: "第 09 课 · 服务器与浏览器之间",
  lede: "同一个回答，经过一个真实的 nginx，配置成九种样子。“本地是流式的，上了生产却一次性全到”、“我的流 60 秒后就断了”、“第 7 个标签页卡住了”：每一个都现场演示，附上修复办法。",
  buffering: "缓冲",
  "race-title": "1 · 同一个回答，走每一条路径",
  "run-every-path": "跑遍所有路径",
  "th-path": "路径",
  "th-what": "它是什么",
  "th-first": "首个 token",
  "th-last": "最后一个 token",
  "th-verdict": "结论",
  "idle-timeouts": "空闲超时",
  "idle-title": "2 · 空闲超时 1 秒",
  "open-both": "两条都打开",
  "idle-how": "页面统计的重连次数：每一次都是 nginx 切断了一条 1 秒内没说话的流。",
  connections: "连接",
  "seven-title": "3 · 七条流，同一个源",
  "open-seven": "打开七条",
  "seven-how": "HTTP/1.1 每个源只允许六个连接；HTTP/2 用一个连接承载全部。先信任自签名证书（见 README）。",
  "shared-stream": "共享的流",
  "share-title": "4 · 一条流，所有标签页",
  join: "加入",
  "post-notice": "发一条通知",
  "share-how":
    "SharedWorker 持有一个 EventSource，把每个事件转给每个已加入的标签页：先在这里加入，然后在多个标签页里打开",
  "share-how-end": "。",
};

/** tab/index.html's own keys (its others are HTML_ZH's). */
export const TAB_ZH: Record<string, string> = {
  "page-title": "第 09 课 · 共享流的一个标签页",
  "tab-title": "第 09 课 · 共享流的一个标签页",
  "tab-lede":
    "这个标签页一打开就加入了 SharedWorker 的流。在七个或更多标签页里打开它：服务器仍然只算一条流，而一条通知会到达每个标签页。",
};

/** Each path's note in Chinese, by the path's name (path names and nginx directives as they are). */
export const NOTES_ZH: Record<string, string> = {
  direct: "没有代理：就是第 02 课和第 03 课的服务器本身。",
  "nginx-defaults":
    "nginx 默认的 proxy_buffering on，并忽略应用的提示：nginx 依然在客户端能接收时立刻转发每个事件（实测：单靠缓冲并不会卡住流）。",
  gzip: "对事件流开启 gzip on，缓冲开着，应用也没给提示：压缩器等着更多数据，回答在最后一次性到达。",
  "gzip-buffering-off": "同样的 gzip，加上 proxy_buffering off：每个数据块一到就压缩并立即发出。",
  "gzip-accel-header":
    "同样的 gzip 和 nginx 默认设置，而应用发送 X-Accel-Buffering: no（第 02 课就这么做）：nginx 对这个响应照办。",
  "two-layers":
    "两层 nginx：内层遵从 X-Accel-Buffering，却不把它往外传（nginx 对 X-Accel-* 头的默认做法）；外层做压缩，又没人告诉它，于是缓冲。",
  "two-layers-fixed": "内层 nginx 把这个头传下去（proxy_pass_header），外层也遵从它。",
  http2: "基于 TLS 的 HTTP/2（自签名证书，每个用户一份）：一个连接承载所有的流。",
  "idle-quiet": "proxy_read_timeout 1s，而源站有一阵什么也不发：nginx 切断这条流。",
  "idle-heartbeat": "同样是 proxy_read_timeout 1s，但每 300 ms 发一次心跳：低于超时，流就活着。",
};

const en = {
  "race-prompt": "Why do LLM products stream?",
  "retrying-certificate": "… retrying: open {url} once and accept its certificate",
  retrying: "… retrying: the connection failed",
  "all-at-once": "✗ all at once, at the end",
  "token-by-token": "✓ token by token",
  refused: "✗ {url}: the stream was refused",
  "no-heartbeat": "no heartbeat: reconnects",
  heartbeat: "heartbeat 300 ms: reconnects",
  "open-of": "{name}: open",
  "n-of-seven": "{n} of 7",
  "server-streams": "streams the server counts",
  "waiting-connection": "waiting for a free connection",
  "notices-heard": "notices heard",
  notice: "A notice from a tab",
};

export const MESSAGES: Messages<keyof typeof en> = {
  en,
  zh: {
    "race-prompt": "为什么 LLM 产品要流式输出？",
    "retrying-certificate": "… 重试中：先打开一次 {url}，接受它的证书",
    retrying: "… 重试中：连接失败",
    "all-at-once": "✗ 在最后一次性到达",
    "token-by-token": "✓ 逐个 token 到达",
    refused: "✗ {url}：这条流被拒绝了",
    "no-heartbeat": "无心跳：重连次数",
    heartbeat: "心跳 300 ms：重连次数",
    "open-of": "{name}：已打开",
    "n-of-seven": "{n} / 7 条",
    "server-streams": "服务器计数的流",
    "waiting-connection": "等待空闲连接",
    "notices-heard": "收到的通知",
    notice: "来自一个标签页的通知",
  },
};

/** The pages' messages in their language. */
export const say = messagesFor(MESSAGES);
