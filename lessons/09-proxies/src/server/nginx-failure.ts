// When nginx refuses the config the lesson renders (most often a directive typed in
// src/server/paths.ts, as in exercise 09.2), a student should read nginx's own sentence
// and where to fix it, not a Node stack trace that looks like the workshop crashed.
import { serverLanguage } from "@workshop/server-kit/lesson-server-text";

/** A few lines for the terminal, or undefined when the error is not nginx refusing to start. */
export function describeNginxFailure(error: unknown, language = serverLanguage()): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.startsWith("nginx did not start")) return undefined;
  const said = message
    .split("\n")
    .filter((line) => /\[(emerg|alert|crit|error)\]/.test(line))
    .map((line) => `  ${line.replace(/^\S+ \S+ /, "").replace(/ in \S+nginx\.conf:\d+$/, "")}`);
  const quoted = said.length > 0 ? said : [`  ${message}`];
  return (
    language === "zh"
      ? [
          "课程 09-proxies：nginx 拒绝了这一课的配置：",
          ...quoted,
          "各条路径的指令在 src/server/paths.ts 里（练习 09.2 改的就是其中一条）：改好保存，",
          "`pnpm dev` 会重新启动这一课。",
        ]
      : [
          "Lesson 09-proxies: nginx refused its config:",
          ...quoted,
          "The paths' directives are in src/server/paths.ts (exercise 09.2 edits one): fix it and save,",
          "and `pnpm dev` starts the lesson again.",
        ]
  ).join("\n");
}
