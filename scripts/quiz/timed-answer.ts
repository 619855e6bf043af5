// One answer in a mock interview, with the clock visible: the question, a timer line that
// ticks every second above the answer line, and Enter to stop the clock.
import { createInterface } from "node:readline";

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** Resolves with the seconds taken, or undefined when the candidate quits (Ctrl+C, Ctrl+D). */
export function timedAnswer(
  budgetSeconds: number,
  label: (elapsed: string, budget: string) => string,
  {
    input = process.stdin,
    output = process.stdout,
  }: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {},
): Promise<{ seconds: number } | undefined> {
  const started = Date.now();
  const elapsed = () => Math.floor((Date.now() - started) / 1000);
  const line = () => `⏱ ${label(clock(elapsed()), clock(budgetSeconds))}`;
  output.write(`${line()}\n`);
  const answer = createInterface({ input, output, terminal: true });
  // Save the cursor, go up to the timer line, rewrite it, come back: the answer being typed stays.
  const tick = setInterval(() => output.write(`\x1b7\x1b[1A\r\x1b[2K${line()}\x1b8`), 1000);
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: { seconds: number } | undefined) => {
      if (done) return;
      done = true;
      clearInterval(tick);
      answer.close();
      resolve(result);
    };
    answer.question("> ", () => finish({ seconds: elapsed() }));
    answer.once("SIGINT", () => finish(undefined));
    answer.once("close", () => finish(undefined));
  });
}
