// The metrics several lesson pages show, named once in both languages: a page's
// catalogue (its src/client/page-text.ts) spreads these into its own messages.
export const METRIC_NAMES = {
  en: {
    "first-token": "Time to first token",
    total: "Total time",
    requests: "Requests",
    bytes: "Bytes received",
    duplicates: "Duplicated tokens",
  },
  zh: {
    "first-token": "首字延迟",
    total: "总耗时",
    requests: "请求数",
    bytes: "收到的字节",
    duplicates: "重复的 token",
  },
} as const;
