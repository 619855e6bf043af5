// Time to first token, tokens per second and total time for one answer.
import { formatMs } from "@workshop/page-kit";
import { say } from "./page-text.ts";

export function createAnswerMetrics(now = () => performance.now()) {
  const startedAt = now();
  let firstAt: number | undefined;
  let lastAt = startedAt;
  let tokens = 0;
  return {
    token() {
      firstAt ??= now();
      lastAt = now();
      tokens++;
    },
    summary(): string {
      const ttft = firstAt === undefined ? "–" : formatMs(firstAt - startedAt);
      const seconds = firstAt === undefined ? 0 : (lastAt - firstAt) / 1000;
      const rate = seconds > 0 ? `${(tokens / seconds).toFixed(1)} tok/s` : "–";
      return say("summary", { ttft, rate, tokens, total: formatMs(now() - startedAt) });
    },
  };
}
