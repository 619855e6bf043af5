import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadQuestionBank, topLevel } from "../interview.ts";
import { repoRoot } from "../lessons.ts";
import { emptyProgress, isDue, loadProgress, nextBox, record } from "../quiz/progress.ts";
import { keyOf, selectQuestions } from "../quiz/select.ts";
import { runSession } from "../quiz/session.ts";

const bank = loadQuestionBank();
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", join(repoRoot, "scripts/quiz.ts"), ...args], {
    cwd: repoRoot,
    timeout: 20_000,
    env: { ...process.env, ...env },
  });

describe("spaced repetition (Leitner boxes)", () => {
  it("moves a known question up a box, a shaky one down, an unknown one back to the first", () => {
    expect(nextBox(2, "known")).toBe(3);
    expect(nextBox(5, "known")).toBe(5);
    expect(nextBox(3, "shaky")).toBe(2);
    expect(nextBox(4, "unknown")).toBe(1);
  });

  it("asks box 1 every session, box 3 only every 4th", () => {
    expect(isDue({ box: 1, lastSession: 7, lastMark: "unknown" }, 8)).toBe(true);
    expect(isDue({ box: 3, lastSession: 7, lastMark: "known" }, 9)).toBe(false);
    expect(isDue({ box: 3, lastSession: 7, lastMark: "known" }, 11)).toBe(true);
  });

  it("brings questions marked shaky or unknown back before known ones", () => {
    const progress = emptyProgress();
    progress.session = 1;
    const [a, b, c] = topLevel(bank);
    if (!a || !b || !c) throw new Error("bank too small");
    record(progress, keyOf(a), "known");
    record(progress, keyOf(b), "known");
    record(progress, keyOf(c), "unknown");
    const next = selectQuestions([a, b, c], progress, { count: 3 });
    expect(next[0]).toBe(c);
  });

  it("--review selects only what was last marked shaky or unknown", () => {
    const progress = emptyProgress();
    const [a, b, c] = topLevel(bank);
    if (!a || !b || !c) throw new Error("bank too small");
    record(progress, keyOf(a), "known");
    record(progress, keyOf(b), "shaky");
    record(progress, keyOf(c), "unknown");
    expect(selectQuestions(bank, progress, { review: true }).map(keyOf).sort()).toEqual(
      [b, c].map(keyOf).sort(),
    );
  });
});

describe("picking a session's questions", () => {
  /** A seeded Park–Miller generator: the same picks on every run. */
  const seeded = (seed: number) => () => {
    seed = (seed * 16_807) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const lessonOf = (q: { lesson: string }) => q.lesson.slice(0, 2);

  it("spreads the picks across the chosen lessons: four questions from 06–09 come one from each", () => {
    const picks = selectQuestions(
      bank,
      emptyProgress(),
      { lessons: ["06", "07", "08", "09"], count: 4 },
      seeded(7),
    );
    expect(picks.map(lessonOf).sort()).toEqual(["06", "07", "08", "09"]);
  });

  it("shuffles: the same seed asks in the same order, another seed in another", () => {
    const order = (seed: number) =>
      selectQuestions(bank, emptyProgress(), { lessons: ["02"] }, seeded(seed)).map(keyOf);
    expect(order(1)).toEqual(order(1));
    expect(order(2)).not.toEqual(order(1));
    expect([...order(2)].sort()).toEqual([...order(1)].sort());
  });
});

describe("a drill session", () => {
  it("asks, reveals the key points and the proof, records each mark and saves after every answer", async () => {
    const progress = emptyProgress();
    const questions = selectQuestions(bank, progress, { lessons: ["02"], count: 3 });
    const revealed: string[] = [];
    const marks = ["known", "shaky", "unknown"] as const;
    let saves = 0;
    let i = 0;
    const tally = await runSession(questions, "zh", progress, {
      ask: async () => "my answer",
      reveal: (answer) => revealed.push(answer),
      mark: async () => marks[i++],
      save: () => saves++,
    });
    expect(tally).toEqual({ known: 1, shaky: 1, unknown: 1 });
    expect(saves).toBe(3);
    expect(revealed[0]).toMatch(/验证：`pnpm /);
    expect(revealed[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(progress.cards[keyOf(questions[2] as (typeof questions)[number])]?.lastMark).toBe("unknown");
  });

  it("asks a question's follow-ups (追问) right after it, each marked and saved like a question", async () => {
    const [question, other] = bank.filter((q) => q.follows === undefined);
    if (!question || !other) throw new Error("bank too small");
    const followUp = { ...question, id: `${question.id}-why`, follows: question.id };
    const titles: string[] = [];
    const progress = emptyProgress();
    await runSession(
      [question, other],
      "en",
      progress,
      {
        ask: async (title) => {
          titles.push(title);
          return "";
        },
        reveal: () => {},
        mark: async () => "shaky",
        save: () => {},
      },
      (q) => (q === question ? [followUp] : []),
    );
    expect(titles.map((t) => t.split(" · ").slice(0, 2).join(" · "))).toEqual([
      `1/2 · ${question.lesson}`,
      "1/2 · follow-up 1",
      `2/2 · ${other.lesson}`,
    ]);
    expect(progress.cards[keyOf(followUp)]?.lastMark).toBe("shaky");
  });

  it("stops when the user quits, keeping what was already marked", async () => {
    const progress = emptyProgress();
    const tally = await runSession(bank.slice(0, 5), "en", progress, {
      ask: async () => "",
      reveal: () => {},
      mark: async () => (Object.keys(progress.cards).length === 0 ? "known" : undefined),
      save: () => {},
    });
    expect(tally.known).toBe(1);
  });
});

describe("pnpm quiz without a terminal", () => {
  it("prints the selected questions and answers as markdown, in the chosen language, and exits", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "quiz-"));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const progressFile = join(scratch, "progress.json");
    const { stdout } = await run(["--lang", "en", "--lessons", "03", "--count", "2"], {
      QUIZ_PROGRESS: progressFile,
    });
    expect(stdout).toMatch(/^# Streaming output · interview questions/);
    expect(stdout.match(/^## \d+\. /gm)).toHaveLength(2);
    expect(stdout).toContain("03-websocket");
    expect(stdout).toContain("Prove it:");
    expect(stdout).not.toMatch(/[\u4e00-\u9fff]/);
    expect(loadProgress(progressFile)).toEqual(emptyProgress()); // printing is not a session
  });

  it("--list prints the bank as a table of contents, each follow-up marked ↳ under its question", async () => {
    const { stdout } = await run(["--list"]);
    for (const q of bank) expect(stdout).toContain(`| ${q.lesson} | ${q.follows ? "↳ " : ""}${q.id} |`);
  });
});

describe("the question bank", () => {
  it("holds at least 100 questions and 150 follow-ups (追问), and every question has one", () => {
    const questions = topLevel(bank);
    expect(questions.length).toBeGreaterThanOrEqual(100);
    expect(bank.length - questions.length).toBeGreaterThanOrEqual(150);
    const alone = questions.filter((q) => !bank.some((f) => f.lesson === q.lesson && f.follows === q.id));
    expect(alone.map((q) => `${q.lesson}#${q.id}`)).toEqual([]);
  });

  const topics: Record<string, RegExp> = {
    "why streaming for LLMs": /why-stream/,
    "polling and long polling": /polling/,
    "SSE format": /sse-format/,
    "SSE reconnection and Last-Event-ID": /last-event-id/,
    "SSE limits": /connection-limit|eventsource-no-post/,
    "WebSocket handshake": /handshake/,
    "WebSocket heartbeat": /ping-pong/,
    "WebSocket reconnection": /reconnect-strategy/,
    "WebSocket security": /websocket-security/,
    "fetch-stream parsing": /parse-stream-correctly/,
    abort: /cancel-stream|stop-and-cost/,
    "rendering performance": /render-performance/,
    XSS: /xss/,
    "choosing a transport": /choose/,
    "scaling to many servers": /scale/,
  };
  it.each(Object.entries(topics))("covers %s", (_topic, pattern) => {
    expect(bank.some((q) => pattern.test(q.id))).toBe(true);
  });
});
