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
          must(false, {
            en: `runTransport rejected: ${(error as Error).message}. A run always resolves, with its record`,
            zh: `runTransport reject 了：${(error as Error).message}。一次运行总是带着它的 record 去 resolve`,
          });
        }
      },
      station,
      llm,
    );
  } finally {
    await station.close();
  }
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a clean run completes, with every token, its time, its read, and onToken told each time":
    "一次正常的运行会完成：记下每个 token、它的时间和它的读取，每次都告诉 onToken",
  "a reply a buffering proxy delivers whole is one read": "会缓冲的代理整块递送的回复，是一次读取",
  "a network that goes silent mid-reply is stuck after stuckAfterMs without a token, and stays stuck":
    "回复中途网络沉默：stuckAfterMs 内没有 token 就判为卡住，并且一直是卡住",
  "a steady reply that takes longer than stuckAfterMs is not stuck: the deadline restarts with each token":
    "一条稳定但总时长超过 stuckAfterMs 的回复不算卡住：每来一个 token，截止时间重新计时",
  "an aborted signal ends the run as gave up, and stops the transport's client":
    "signal 被中止时，运行以 gave up 结束，并停止传输方式的客户端",
};

const tokensOf = (prompt: string) => createMockLlm({ largeReplies: true }).replyTokens(prompt);

export default defineChecks({
  "a clean run completes, with every token, its time, its read, and onToken told each time": (code) =>
    withRun(code, {}, async (run) => {
      const told: number[] = [];
      const record = await within(run({ onToken: (count) => told.push(count) }), 10_000, {
        en: "the run never ended: resolve when the transport calls finish",
        zh: "运行一直没有结束：传输方式调用 finish 时要 resolve",
      });
      const expected = tokensOf(PROMPT);
      must(record.outcome === "complete", {
        en: `the run ended "${record.outcome}": the transport called finish("complete"), so the outcome is "complete"`,
        zh: `运行以 "${record.outcome}" 结束：传输方式调用的是 finish("complete")，所以结局是 "complete"`,
      });
      must(record.arrivals.map((a) => a.text).join("") === expected.join(""), {
        en: `the record holds ${record.arrivals.length} arrivals of ${expected.length} tokens: push every token the transport reports through arrive`,
        zh: `回复有 ${expected.length} 个 token，record 里却是 ${record.arrivals.length} 次到达：传输方式通过 arrive 报告的每个 token 都要 push 进去`,
      });
      must(
        record.arrivals.every((a, i) => Number.isFinite(a.at) && a.at >= (record.arrivals[i - 1]?.at ?? 0)),
        {
          en: "an arrival has no time, or an earlier one than the token before it: stamp each with performance.now() when it arrives",
          zh: "有一次到达没有时间，或者时间比前一个 token 还早：每次到达时都用 performance.now() 打上时间",
        },
      );
      must(told.join(",") === expected.map((_, i) => i + 1).join(","), {
        en: `onToken was told ${told.length ? told.slice(0, 6).join(", ") : "nothing"}${told.length > 6 ? "…" : ""}: tell it after each token, with the number of tokens so far (1, 2, 3…)`,
        zh: `onToken 收到的是 ${told.length ? told.slice(0, 6).join(", ") : "（什么也没有）"}${told.length > 6 ? "…" : ""}：每来一个 token 就告诉它一次，带上目前为止的 token 数（1, 2, 3…）`,
      });
      const reads = record.arrivals.map((a) => a.read);
      must(
        reads[0] === 1 &&
          reads.every((r, i) => i === 0 || r === (reads[i - 1] ?? 0) || r === (reads[i - 1] ?? 0) + 1),
        {
          en: `the reads were numbered ${reads.slice(0, 8).join(", ")}…: count them from 1, and a new read is the previous number plus one`,
          zh: `读取的编号是 ${reads.slice(0, 8).join(", ")}…：从 1 开始编号，新的一次读取是前一个编号加一`,
        },
      );
      must(new Set(reads).size > 1, {
        en: `tokens 20 ms apart all carry read ${reads[0]}: a stream arrives in many network reads. A new read starts with the first token after a macrotask has passed (setTimeout 0)`,
        zh: `间隔 20 ms 的 token 全都带着读取编号 ${reads[0]}：流是分很多次网络读取到达的。经过一个宏任务（setTimeout 0）之后来的第一个 token 开启新的一次读取`,
      });
    }),

  "a reply a buffering proxy delivers whole is one read": (code) =>
    withRun(code, {}, async (run, station) => {
      station.proxy.bufferResponses(true);
      const record = await within(run(), 10_000, { en: "the run never ended", zh: "运行一直没有结束" });
      const reads = new Set(record.arrivals.map((a) => a.read));
      must(record.arrivals.length > 0, {
        en: `no token was recorded (outcome "${record.outcome}")`,
        zh: `一个 token 都没有记录下来（结局是 "${record.outcome}"）`,
      });
      must(reads.size === 1, {
        en: `the proxy held the response and delivered it in one chunk, but the record counts ${reads.size} reads: tokens handled in the same task came in the same read and share its number; only a macrotask (setTimeout 0) in between starts a new one`,
        zh: `代理扣住了响应，一整块递送过来，record 却记了 ${reads.size} 次读取：在同一个任务里处理的 token 来自同一次读取，共用它的编号；只有中间隔了一个宏任务（setTimeout 0），才开启新的一次`,
      });
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
        {
          en: `the network went silent and the run never ended: with no token for stuckAfterMs (${stuckAfterMs} ms), it is stuck`,
          zh: `网络沉默了，运行却一直没有结束：stuckAfterMs（${stuckAfterMs} ms）内一个 token 都没来，就是卡住了`,
        },
      );
      must(record.outcome === "stuck", {
        en: `the run ended "${record.outcome}", not "stuck"`,
        zh: `运行以 "${record.outcome}" 结束，不是 "stuck"`,
      });
      const sinceLast = performance.now() - (record.arrivals.at(-1)?.at ?? 0);
      must(sinceLast < stuckAfterMs + 1500, {
        en: `the run was called stuck ${Math.round(sinceLast)} ms after its last token: the deadline is stuckAfterMs (${stuckAfterMs} ms) from the last token`,
        zh: `运行在最后一个 token 之后 ${Math.round(sinceLast)} ms 才被判为卡住：截止时间是从最后一个 token 起算的 stuckAfterMs（${stuckAfterMs} ms）`,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      must(record.outcome === "stuck", {
        en: `the run resolved as stuck, then its outcome became "${record.outcome}" (the transport's own finish, once it was stopped): a run ends once, and later calls change nothing`,
        zh: `运行已经以 stuck resolve，之后结局却变成了 "${record.outcome}"（传输方式被停止后自己调用了 finish）：一次运行只结束一次，之后的调用什么也不改变`,
      });
    }),

  "a steady reply that takes longer than stuckAfterMs is not stuck: the deadline restarts with each token": (
    code,
  ) =>
    withRun(
      code,
      { tokenMs: 100, prompt: "echo: one two three four five six seven eight nine" },
      async (run) => {
        const record = await within(run({ stuckAfterMs: 600 }), 10_000, {
          en: "the run never ended",
          zh: "运行一直没有结束",
        });
        must(record.outcome === "complete", {
          en: `a reply with a token every 100 ms ended "${record.outcome}" after ${record.arrivals.length} tokens: it is stuck only when NO token came for stuckAfterMs (600 ms), so restart the deadline with every token`,
          zh: `每 100 ms 来一个 token 的回复，在 ${record.arrivals.length} 个 token 之后以 "${record.outcome}" 结束：只有 stuckAfterMs（600 ms）内一个 token 都没来才算卡住，所以每来一个 token 都要重新开始计时`,
        });
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
        {
          en: "the signal aborted and the run never ended: end it as gave up",
          zh: "signal 已经中止，运行却一直没有结束：以 gave up 结束它",
        },
      );
      must(record.outcome === "gave up", {
        en: `the run ended "${record.outcome}" when its signal aborted, not "gave up"`,
        zh: `signal 中止时，运行以 "${record.outcome}" 结束，不是 "gave up"`,
      });
      await mustEventually(() => llm.running === 0, 2000, {
        en: "the run ended, but the model is still generating: the client's connection stayed open. Once a run ends, however it ends, call the stop function the transport's start returned",
        zh: "运行结束了，模型却还在生成：客户端的连接一直开着。运行一旦结束，不管是怎么结束的，都要调用传输方式的启动函数返回的那个停止函数",
      });
    }),
});
