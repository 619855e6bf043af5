// What a lesson's server says in its terminal, in the class's language: `pnpm dev NN --lang zh`
// (or a zh_CN locale) starts it with WORKSHOP_LANG=zh. Both languages have every line: the
// type below will not compile with one missing.
export type ServerLanguage = "en" | "zh";

export const serverLanguage = (env: NodeJS.ProcessEnv = process.env): ServerLanguage =>
  env.WORKSHOP_LANG === "zh" ? "zh" : "en";

interface LessonServerText {
  listening(lesson: string, url: string): string;
  portBusy(lesson: string, port: number, otherPorts: string): string;
  couldNotStart(lesson: string, why: string): string;
  shuttingDown(lesson: string, signal: string): string;
  shutdownTooLong(lesson: string, ms: number): string;
  /** For the lessons that start a redis-server (07, 10 --redis) or an nginx (09) of their own. */
  noRedis(): string;
  redisDidNotStart(why: string): string;
  noNginx(): string;
}

const TEXT: Record<ServerLanguage, LessonServerText> = {
  en: {
    listening: (lesson, url) => `Lesson ${lesson} API listening on ${url}`,
    portBusy: (lesson, port, otherPorts) =>
      `Lesson ${lesson}: port ${port} is busy (is this lesson already running in another terminal?).\n` +
      `Stop the other one, or pick other ports: ${otherPorts}`,
    couldNotStart: (lesson, why) => `Lesson ${lesson}: the server could not start: ${why}`,
    shuttingDown: (lesson, signal) => `${signal}: shutting down lesson ${lesson}…`,
    shutdownTooLong: (lesson, ms) => `Lesson ${lesson}: still shutting down after ${ms} ms; exiting anyway.`,
    noRedis: () =>
      "no redis-server found: install Redis 7 (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL",
    redisDidNotStart: (why) => `redis-server did not start: ${why}`,
    noNginx: () =>
      "no nginx found: install it (Debian/Ubuntu: `sudo apt-get install nginx`, macOS: `brew install nginx`)",
  },
  zh: {
    listening: (lesson, url) => `课程 ${lesson} 的 API 已启动：${url}`,
    portBusy: (lesson, port, otherPorts) =>
      `课程 ${lesson}：端口 ${port} 被占用（这一课是不是已经在另一个终端里运行了？）。\n` +
      `先停掉那一个，或者换一组端口：${otherPorts}`,
    couldNotStart: (lesson, why) => `课程 ${lesson}：服务器没能启动：${why}`,
    shuttingDown: (lesson, signal) => `${signal}：正在关闭课程 ${lesson}……`,
    shutdownTooLong: (lesson, ms) => `课程 ${lesson}：关闭已超过 ${ms} 毫秒仍未完成，强制退出。`,
    noRedis: () =>
      "没有找到 redis-server：请安装 Redis 7（Debian/Ubuntu：`sudo apt-get install redis-server`，macOS：`brew install redis`），或者设置 REDIS_URL",
    redisDidNotStart: (why) => `redis-server 没能启动：${why}`,
    noNginx: () =>
      "没有找到 nginx：请安装（Debian/Ubuntu：`sudo apt-get install nginx`，macOS：`brew install nginx`）",
  },
};

export const lessonServerText = (language: ServerLanguage = serverLanguage()): LessonServerText =>
  TEXT[language];

/** A lesson's own line, after its name: `Lesson 07-scale-out: …` / `课程 07-scale-out：…`. */
export const fromLesson = (
  lesson: string,
  line: string,
  language: ServerLanguage = serverLanguage(),
): string => (language === "zh" ? `课程 ${lesson}：${line}` : `Lesson ${lesson}: ${line}`);
