// What `pnpm dev 10` prints about where it keeps runs, in the class's language
// (`pnpm dev 10 --lang zh` sets WORKSHOP_LANG=zh).
import { type ServerLanguage, serverLanguage } from "@workshop/server-kit/lesson-server-text";

interface StartLines {
  inMemory(): string;
  inRedis(url: string, isPrivate: boolean): string;
  redisUnreachable(url: string, why: string): string;
}

// Typed as StartLines in both languages: one missing a line does not compile.
const LINES: Record<ServerLanguage, StartLines> = {
  en: {
    inMemory: () => "runs kept in memory (a restart forgets them; with REDIS_URL=redis://… they are kept)",
    inRedis: (url, isPrivate) =>
      `runs kept in Redis at ${url}${isPrivate ? " (private: it stops with this server; REDIS_URL keeps runs across restarts)" : ""}`,
    redisUnreachable: (url, why) => `cannot reach Redis at ${url} (${why}).`,
  },
  zh: {
    inMemory: () => "运行记录放在内存里（重启就没了；设置 REDIS_URL=redis://… 就能留下来）",
    inRedis: (url, isPrivate) =>
      `运行记录放在 Redis：${url}${isPrivate ? "（私有的：随这个服务器一起停；用 REDIS_URL 才能跨重启保留）" : ""}`,
    redisUnreachable: (url, why) => `连不上 ${url} 的 Redis（${why}）。`,
  },
};

export const startLines = (language = serverLanguage()): StartLines => LINES[language];
