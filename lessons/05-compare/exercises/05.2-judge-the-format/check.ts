import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as Judge from "../../src/matrix/judge.ts";
import { all, arrivals, PROMPT, record } from "../records.ts";

async function judging(code: LessonCode) {
  const { judgeFormat } = await code.load<typeof Judge>("src/matrix/judge.ts");
  return (r: ReturnType<typeof record>, inTime = false) => judgeFormat(r, PROMPT, inTime);
}

function expectVerdict(verdict: string, expected: string, what: string) {
  must(verdict === expected, `${what}: the cell says "${verdict}", expected "${expected}"`);
}

export default defineChecks({
  "the exact text: ✓ exact": async (code) => {
    const judge = await judging(code);
    expectVerdict(judge(record("complete", arrivals(all()))).verdict, "✓ exact", "every token, exact");
  },

  "garbled or incomplete text: ✗": async (code) => {
    const judge = await judging(code);
    const garbled = arrivals(all()).map((a, i) => (i === 3 ? { ...a, text: "\uFFFD" } : a));
    expectVerdict(judge(record("complete", garbled)).verdict, "✗ text differs", "a token replaced by �");
    expectVerdict(
      judge(record("stuck", arrivals(all().slice(0, 5)))).verdict,
      "✗ stuck",
      "a run stuck after 5 tokens",
    );
    expectVerdict(judge(record("gave up", [])).verdict, "✗ gave up", "a run that gave up");
  },

  "tokens in many network reads: ✓ token by token, with the reads counted": async (code) => {
    const judge = await judging(code);
    const flowing = arrivals(all());
    const { verdict, measured } = judge(record("complete", flowing), true);
    expectVerdict(verdict, "✓ token by token", `${flowing.length} tokens, each in its own read`);
    must(
      measured === `${flowing.length} reads`,
      `the measured cell says "${measured}", expected "${flowing.length} reads"`,
    );
  },

  "every token in one read at the end: ✗ all at once": async (code) => {
    const judge = await judging(code);
    const lumped = arrivals(all(), { gapMs: 0, oneRead: true });
    expectVerdict(
      judge(record("complete", lumped), true).verdict,
      "✗ all at once, at the end",
      "every token in the same read (a buffering proxy)",
    );
  },

  "a slow machine's long gaps do not make a stream: one read is one read": async (code) => {
    const judge = await judging(code);
    const late = arrivals(all(), { gapMs: 200, oneRead: true });
    expectVerdict(
      judge(record("complete", late), true).verdict,
      "✗ all at once, at the end",
      "every token in one read, though their timestamps spread over seconds",
    );
  },
});
