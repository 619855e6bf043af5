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

  "tokens spread over the reply's time: ✓ token by token, with the spread measured": async (code) => {
    const judge = await judging(code);
    const flowing = arrivals(all(), { gapMs: 4 });
    const { verdict, measured } = judge(record("complete", flowing), true);
    expectVerdict(verdict, "✓ token by token", `${flowing.length} tokens, 4 ms apart`);
    const spread = Math.round((flowing.at(-1)?.at ?? 0) - (flowing[0]?.at ?? 0));
    must(measured === `~${spread} ms`, `the measured spread says "${measured}", expected "~${spread} ms"`);
  },

  "every token in one lump at the end: ✗ all at once": async (code) => {
    const judge = await judging(code);
    const lumped = arrivals(all(), { gapMs: 0 });
    expectVerdict(
      judge(record("complete", lumped), true).verdict,
      "✗ all at once, at the end",
      "every token at the same instant (a buffering proxy)",
    );
  },
});
