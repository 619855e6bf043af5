import { defineChecks, type LessonCode, must, mustEventually, within } from "@workshop/exercises";
import { createMockLlm, type MockLlm, steadyTiming } from "@workshop/mock-llm";
import type * as Fixture from "../../src/matrix/fixture.ts";
import type * as NodePlatform from "../../src/matrix/node-platform.ts";
import type * as Run from "../../src/matrix/run-transport.ts";

const PROMPT = "echo: 流式输出 sends each token as soon as it exists, one by one.";

/**
 * One run of lesson 04's fetch stream through the referee under check, on a fresh station
 * (the lesson's server behind the fault proxy) whose model paces tokens `tokenMs` apart.
 */
async function withRun(
  code: LessonCode,
  { tokenMs = 20, prompt = PROMPT }: { tokenMs?: number; prompt?: string },
  use: (
    run: (options?: Partial<Run.RunOptions>) => Promise<Run.RunRecord>,
    station: Fixture.Station,
    llm: MockLlm,
  ) => Promise<void>,
): Promise<void> {
  const { runTransport } = await code.load<typeof Run>("src/matrix/run-transport.ts");
  const { startStation, TEST_SETTINGS } = await code.load<typeof Fixture>("src/matrix/fixture.ts");
  const { nodePlatform } = await code.load<typeof NodePlatform>("src/matrix/node-platform.ts");
  const llm = createMockLlm({ timing: steadyTiming(tokenMs), largeReplies: true });
  const station = await startStation("fetch stream", { ...TEST_SETTINGS, llm });
  try {
    await use(
      async (options = {}) => {
        try {
          return await runTransport("fetch stream", {
            platform: nodePlatform,
            base: station.proxy.url,
            prompt,
            stuckAfterMs: 5000,
            heartbeatMs: TEST_SETTINGS.heartbeatMs,
            ...options,
          });
        } catch (error) {
          must(
            false,
            `runTransport rejected: ${(error as Error).message}. A run always resolves, with its record`,
          );
        }
      },
      station,
      llm,
    );
  } finally {
    await station.close();
  }
}

const tokensOf = (prompt: string) => createMockLlm({ largeReplies: true }).replyTokens(prompt);

export default defineChecks({
  "a clean run completes, with every token, its time, its read, and onToken told each time": (code) =>
    withRun(code, {}, async (run) => {
      const told: number[] = [];
      const record = await within(
        run({ onToken: (count) => told.push(count) }),
        10_000,
        "the run never ended: resolve when the transport calls finish",
      );
      const expected = tokensOf(PROMPT);
      must(
        record.outcome === "complete",
        `the run ended "${record.outcome}": the transport called finish("complete"), so the outcome is "complete"`,
      );
      must(
        record.arrivals.map((a) => a.text).join("") === expected.join(""),
        `the record holds ${record.arrivals.length} arrivals of ${expected.length} tokens: push every token the transport reports through arrive`,
      );
      must(
        record.arrivals.every((a, i) => Number.isFinite(a.at) && a.at >= (record.arrivals[i - 1]?.at ?? 0)),
        "an arrival has no time, or an earlier one than the token before it: stamp each with performance.now() when it arrives",
      );
      must(
        told.join(",") === expected.map((_, i) => i + 1).join(","),
        `onToken was told ${told.length ? told.slice(0, 6).join(", ") : "nothing"}${told.length > 6 ? "…" : ""}: tell it after each token, with the number of tokens so far (1, 2, 3…)`,
      );
      const reads = record.arrivals.map((a) => a.read);
      must(
        reads[0] === 1 &&
          reads.every((r, i) => i === 0 || r === (reads[i - 1] ?? 0) || r === (reads[i - 1] ?? 0) + 1),
        `the reads were numbered ${reads.slice(0, 8).join(", ")}…: count them from 1, and a new read is the previous number plus one`,
      );
      must(
        new Set(reads).size > 1,
        `tokens 20 ms apart all carry read ${reads[0]}: a stream arrives in many network reads. A new read starts with the first token after a macrotask has passed (setTimeout 0)`,
      );
    }),

  "a reply a buffering proxy delivers whole is one read": (code) =>
    withRun(code, {}, async (run, station) => {
      station.proxy.bufferResponses(true);
      const record = await within(run(), 10_000, "the run never ended");
      const reads = new Set(record.arrivals.map((a) => a.read));
      must(record.arrivals.length > 0, `no token was recorded (outcome "${record.outcome}")`);
      must(
        reads.size === 1,
        `the proxy held the response and delivered it in one chunk, but the record counts ${reads.size} reads: tokens handled in the same task came in the same read and share its number; only a macrotask (setTimeout 0) in between starts a new one`,
      );
    }),

  "a network that goes silent mid-reply is stuck after stuckAfterMs without a token, and stays stuck": (
    code,
  ) =>
    withRun(code, {}, async (run, station) => {
      const stuckAfterMs = 400;
      const record = await within(
        run({
          stuckAfterMs,
          onToken: (count) => {
            if (count === 5) station.proxy.freezeOpen(); // silence, no FIN: the client never hears a thing
          },
        }),
        5000,
        `the network went silent and the run never ended: with no token for stuckAfterMs (${stuckAfterMs} ms), it is stuck`,
      );
      must(record.outcome === "stuck", `the run ended "${record.outcome}", not "stuck"`);
      const sinceLast = performance.now() - (record.arrivals.at(-1)?.at ?? 0);
      must(
        sinceLast < stuckAfterMs + 1500,
        `the run was called stuck ${Math.round(sinceLast)} ms after its last token: the deadline is stuckAfterMs (${stuckAfterMs} ms) from the last token`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      must(
        record.outcome === "stuck",
        `the run resolved as stuck, then its outcome became "${record.outcome}" (the transport's own finish, once it was stopped): a run ends once, and later calls change nothing`,
      );
    }),

  "a steady reply that takes longer than stuckAfterMs is not stuck: the deadline restarts with each token": (
    code,
  ) =>
    withRun(
      code,
      { tokenMs: 100, prompt: "echo: one two three four five six seven eight nine" },
      async (run) => {
        const record = await within(run({ stuckAfterMs: 600 }), 10_000, "the run never ended");
        must(
          record.outcome === "complete",
          `a reply with a token every 100 ms ended "${record.outcome}" after ${record.arrivals.length} tokens: it is stuck only when NO token came for stuckAfterMs (600 ms), so restart the deadline with every token`,
        );
      },
    ),

  "an aborted signal ends the run as gave up, and stops the transport's client": (code) =>
    withRun(code, { tokenMs: 50, prompt: `echo: ${"long ".repeat(200)}` }, async (run, _station, llm) => {
      const controller = new AbortController();
      const record = await within(
        run({
          signal: controller.signal,
          onToken: (count) => {
            if (count === 3) controller.abort();
          },
        }),
        5000,
        "the signal aborted and the run never ended: end it as gave up",
      );
      must(
        record.outcome === "gave up",
        `the run ended "${record.outcome}" when its signal aborted, not "gave up"`,
      );
      await mustEventually(
        () => llm.running === 0,
        2000,
        "the run ended, but the model is still generating: the client's connection stayed open. Once a run ends, however it ends, call the stop function the transport's start returned",
      );
    }),
});
