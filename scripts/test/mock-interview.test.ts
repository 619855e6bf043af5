// `pnpm quiz --mock`: topics across lessons with their follow-ups, a grade per answer, a
// summary of what to redo, a visible clock, and a sheet when there is no terminal.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type InterviewQuestion, loadQuestionBank } from "../interview.ts";
import { repoRoot } from "../lessons.ts";
import { type Grade, mockInterview, mockSummary, runMockInterview } from "../quiz/mock.ts";
import { emptyProgress } from "../quiz/progress.ts";
import { keyOf } from "../quiz/select.ts";
import { timedAnswer } from "../quiz/timed-answer.ts";

const question = (lesson: string, id: string, follows?: string): InterviewQuestion => ({
  lesson,
  id,
  difficulty: "medium",
  prove: `pnpm vitest run lessons/${lesson}/test/x.test.ts -t "${id}"`,
  ...(follows ? { follows } : {}),
  question: { en: `${id}?`, zh: `${id}？` },
  keyPoints: { en: ["a", "b", "c"], zh: ["甲", "乙", "丙"] },
});
const bank = [
  question("01-polling", "cursor"),
  question("01-polling", "cursor-lost", "cursor"),
  question("01-polling", "cursor-proxy", "cursor"),
  question("02-sse", "resume"),
  question("02-sse", "resume-204", "resume"),
  question("03-websocket", "origin"),
  question("04-llm-chat", "decoder"),
];
const seeded = () => {
  let seed = 7;
  return () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
};

describe("picking a mock interview", () => {
  it("takes its topics from different lessons, each followed by its follow-ups in order", () => {
    const interview = mockInterview(bank, emptyProgress(), { topics: 3 }, seeded());
    expect(new Set(interview.map(([q]) => q?.lesson)).size).toBe(3);
    const polling = interview.find(([q]) => q?.id === "cursor");
    if (polling) expect(polling.map((q) => q.id)).toEqual(["cursor", "cursor-lost", "cursor-proxy"]);
    for (const chain of interview) expect(chain[0]?.follows).toBeUndefined();
  });

  it("--lesson keeps to one lesson", () => {
    const interview = mockInterview(bank, emptyProgress(), { lesson: "02", topics: 3 }, seeded());
    expect(interview.map((chain) => chain.map((q) => q.id))).toEqual([["resume", "resume-204"]]);
  });
});

describe("a mock interview", () => {
  it("asks each question and then its follow-ups, records each grade as progress and saves after every answer", async () => {
    const progress = emptyProgress();
    const titles: string[] = [];
    const grades: Grade[] = [2, 0, 1];
    let saves = 0;
    const graded = await runMockInterview(
      [[bank[0], bank[1]] as InterviewQuestion[], [bank[3]] as InterviewQuestion[]],
      "zh",
      progress,
      {
        ask: async (title) => {
          titles.push(title);
          return { seconds: 30 };
        },
        reveal: () => {},
        grade: async () => grades.shift(),
        save: () => saves++,
      },
    );
    expect(titles).toEqual([
      "1/2 · 01-polling · 中等",
      "1/2 · 追问 1 · 01-polling · 中等",
      "2/2 · 02-sse · 中等",
    ]);
    expect(graded.map((g) => g.grade)).toEqual([2, 0, 1]);
    expect(saves).toBe(3);
    expect(progress.cards[keyOf(bank[1] as InterviewQuestion)]?.lastMark).toBe("unknown");
    expect(progress.cards[keyOf(bank[3] as InterviewQuestion)]?.lastMark).toBe("shaky");
  });

  it("ends with the weak topics, their lessons' exercises to redo and the proofs to run", () => {
    const summary = mockSummary(
      [
        { question: bank[0] as InterviewQuestion, grade: 2, seconds: 40 },
        { question: bank[1] as InterviewQuestion, grade: 0, seconds: 95 },
      ],
      (lesson) => (lesson === "01-polling" ? ["01.1", "01.2"] : []),
      "en",
    );
    expect(summary).toContain("2 / 4 points");
    expect(summary).toContain("01-polling · cursor-lost (0/2, 95 s)");
    expect(summary).not.toContain("· cursor (2/2");
    expect(summary).toContain("`pnpm exercise 01.1`, `pnpm exercise 01.2`");
    expect(summary).toContain('`pnpm vitest run lessons/01-polling/test/x.test.ts -t "cursor-lost"`');
  });
});

describe("the answer's clock", () => {
  afterEach(() => vi.useRealTimers());

  it("ticks every second above the answer line, and stops when Enter is pressed", async () => {
    vi.useFakeTimers();
    const input = new PassThrough();
    const output = new PassThrough();
    let written = "";
    output.on("data", (chunk) => (written += chunk));
    const answered = timedAnswer(120, (elapsed, budget) => `${elapsed} of ${budget}`, { input, output });
    await vi.advanceTimersByTimeAsync(3000);
    expect(written).toContain("⏱ 0:03 of 2:00");
    input.write("a cursor the client sends back\n");
    expect(await answered).toEqual({ seconds: 3 });
  });

  it("a closed input (Ctrl+D) ends the interview instead of hanging", async () => {
    const input = new PassThrough();
    const answered = timedAnswer(120, (e) => e, { input, output: new PassThrough() });
    input.end();
    expect(await answered).toBeUndefined();
  });
});

describe("pnpm quiz --mock without a terminal", () => {
  it("prints the interview, follow-ups under their question, in Chinese with --lang zh, and exits", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "scripts/quiz.ts"), "--mock", "--lang", "zh", "--topics", "2"],
      { cwd: repoRoot, timeout: 20_000, env: { ...process.env, QUIZ_PROGRESS: "/dev/null" } },
    );
    expect(stdout).toMatch(/^# 模拟面试/);
    expect(stdout.match(/^## \d\./gm)).toHaveLength(2);
    const withFollowUps = loadQuestionBank().some((q) => q.follows);
    if (withFollowUps) expect(stdout).toMatch(/^### 追问 \d\.1:/m);
  });
});
