// What `pnpm dev 07` prints about its Redis and its instances, in the class's language
// (`pnpm dev 07 --lang zh` sets WORKSHOP_LANG=zh).
import { type ServerLanguage, serverLanguage } from "@workshop/server-kit/lesson-server-text";

interface StartLines {
  redisUnreachable(url: string, why: string): string;
  started(url: string, instances: string[]): string;
}

// Typed as StartLines in both languages: one missing a line does not compile.
const LINES: Record<ServerLanguage, StartLines> = {
  en: {
    redisUnreachable: (url, why) =>
      `cannot reach Redis at REDIS_URL=${url} (${why}). Unset REDIS_URL to let the lesson start its own.`,
    started: (url, instances) => `Redis at ${url}; instances ${instances.join(", ")}`,
  },
  zh: {
    redisUnreachable: (url, why) =>
      `连不上 REDIS_URL=${url} 的 Redis（${why}）。去掉 REDIS_URL，这一课会自己启动一个。`,
    started: (url, instances) => `Redis：${url}；实例 ${instances.join("、")}`,
  },
};

export const startLines = (language = serverLanguage()): StartLines => LINES[language];
