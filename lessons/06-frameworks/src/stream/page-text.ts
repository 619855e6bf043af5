// Lesson 06's pages in 中文 (?lang=zh; page-kit's page-language.ts): the first page
// (index.html), react/index.html and vue/index.html. LANDING_ZH, REACT_ZH and VUE_ZH are
// the Chinese of each data-i18n key in that page, whose own text is the English;
// MESSAGES is what the code of both frameworks writes (src/stream, src/react, src/vue),
// in both languages. Here, in src/stream, so React and Vue import the same catalogue.
// To add a string: a data-i18n key in a page and its Chinese here, or a key in both
// MESSAGES languages; test/page-text.test.ts fails on a key missing in either.
import { type Messages, messagesFor, type Say, sayIn } from "@workshop/page-kit";

export const LANDING_ZH: Record<string, string> = {
  "page-title": "第 06 课 · React 和 Vue",
  title: "第 06 课 · React 和 Vue 里的同一批流",
  lede: "一个服务器（第 04 课的聊天，第 02 课的通知），同一个应用的两个客户端。每个页面都有一个 `?trap=` 开关，把一个常见错误放回去；README 说明该看什么。",
  "react-how": "（hooks，运行在 `<StrictMode>` 下）",
  "vue-how": "（组合式函数 composables，`<script setup>`）",
  traps: "这些陷阱",
};

/** The two demo switches, the same on both framework pages. */
const SWITCHES = {
  "fast-model": "快速模型：一帧里有很多 token",
  "cut-chars": "在字符中间切开：“你”分两次读到（用中文提问）",
};

export const REACT_ZH: Record<string, string> = {
  "page-title": "第 06 课 · React",
  title: "第 06 课 · React：`useChatStream` 与 `useEventSource`",
  lede: "token 进入一个用 `useSyncExternalStore` 读取的 store：每帧只渲染一次。",
  "other-page": "Vue 版",
  ...SWITCHES,
};

export const VUE_ZH: Record<string, string> = {
  "page-title": "第 06 课 · Vue",
  title: "第 06 课 · Vue：`useChatStream` 与 `useEventSource`",
  lede: "不断增长的文本放在一个 `shallowRef` 里，每帧更新一次。",
  "other-page": "React 版",
  ...SWITCHES,
};

const en = {
  // the traps (traps.ts says what each shows, in English, for the tests)
  "shows-per-token": "every token is a render (no frame batching)",
  "shows-tutorial-reader":
    "a tutorial's stream reader decodes each network read on its own: a character cut between two reads shows �",
  "shows-no-abort": "closing the chat leaves the model generating (nothing aborts it)",
  "shows-no-close": "the notifications badge never closes its EventSource",
  "shows-stale": "the badge's handler reads the first render's state, so Mute does not mute",
  "no-such-trap": 'No trap is called "{name}": this is the fix. Traps: {traps}.',
  "trap-on": "Trap on: ?trap={trap}: {shows}. Remove it from the address for the fix.",
  "react-only":
    "?trap={trap} is React's alone (Vue's handlers read refs when they run): this page is the fix.",
  // the metrics
  tokens: "tokens",
  renders: "renders",
  "event-sources": "EventSources open",
  generating: "generating on the server",
  // the bar
  "hide-notifications": "Hide notifications",
  "show-notifications": "Show notifications",
  "close-chat": "Close chat",
  "open-chat": "Open chat",
  // the chat
  chat: "Chat",
  message: "Message",
  "ask-something": "Ask something… (Enter sends)",
  send: "Send",
  stop: "Stop",
  regenerate: "Regenerate",
  "load-messages": "Load 5,000 messages",
  stopped: "Stopped: the partial answer is kept.",
  // the notifications badge
  unread: "unread",
  received: "received",
  listening: "{n} listening",
  "state-connecting": "connecting",
  "state-open": "open",
  "state-closed": "closed",
  mute: "Mute",
  "mark-read": "Mark read",
  "post-notice": "Post a notice",
};

export type MessageKey = keyof typeof en;

export const MESSAGES: Messages<MessageKey> = {
  en,
  zh: {
    "shows-per-token": "每个 token 都触发一次渲染（没有按帧合并）",
    "shows-tutorial-reader": "教程里的流读取器把每次网络读取单独解码：被两次读取切开的字符显示成 �",
    "shows-no-abort": "关闭聊天后模型还在生成（没有任何东西中止它）",
    "shows-no-close": "通知角标从不关闭它的 EventSource",
    "shows-stale": "角标的处理函数读的是第一次渲染时的 state，所以“静音”不起作用",
    "no-such-trap": "没有叫 “{name}” 的陷阱：这就是修复后的版本。陷阱有：{traps}。",
    "trap-on": "陷阱已开启：?trap={trap}：{shows}。从地址里去掉它，就是修复后的版本。",
    "react-only": "?trap={trap} 只属于 React（Vue 的处理函数运行时才读 ref）：这个页面就是修复后的版本。",
    tokens: "token 数",
    renders: "渲染次数",
    "event-sources": "打开的 EventSource",
    generating: "服务器上在生成",
    "hide-notifications": "隐藏通知",
    "show-notifications": "显示通知",
    "close-chat": "关闭聊天",
    "open-chat": "打开聊天",
    chat: "聊天",
    message: "消息",
    "ask-something": "问点什么…（Enter 发送）",
    send: "发送",
    stop: "停止",
    regenerate: "重新生成",
    "load-messages": "载入 5,000 条消息",
    stopped: "已停止：已收到的部分回答保留下来了。",
    unread: "未读",
    received: "已收到",
    listening: "{n} 个在听",
    "state-connecting": "连接中",
    "state-open": "已连接",
    "state-closed": "已关闭",
    mute: "静音",
    "mark-read": "标为已读",
    "post-notice": "发一条通知",
  },
};

const sayOnPage = messagesFor(MESSAGES);
const sayInEnglish = sayIn(MESSAGES.en);

/** The pages' messages in their language; English outside a page (the chat session's tests in Node). */
export const say: Say<MessageKey> = (key, values) =>
  globalThis.location ? sayOnPage(key, values) : sayInEnglish(key, values);
