import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as Judge from "../../src/matrix/judge.ts";
import { all, arrivals, PROMPT, record } from "../records.ts";

const FAULT_AT = 1000;

async function judging(code: LessonCode) {
  const { judgeReconnection } = await code.load<typeof Judge>("src/matrix/judge.ts");
  return (r: ReturnType<typeof record>) => judgeReconnection(r, PROMPT, FAULT_AT).verdict;
}

function expectVerdict(verdict: string, expected: string, what: string) {
  must(verdict === expected, `${what}: the cell says "${verdict}", expected "${expected}"`);
}

export default defineChecks({
  "every token exactly once: ✓ resumes exactly": async (code) => {
    const judge = await judging(code);
    expectVerdict(
      judge(record("complete", arrivals(all()))),
      "✓ resumes exactly",
      "all tokens once, in order",
    );
  },

  "the reply started over after the drop: ✓ but starts over (duplicates)": async (code) => {
    const judge = await judging(code);
    const seqs = [...all().slice(0, 8), ...all()]; // 8 tokens, then everything again
    expectVerdict(
      judge(record("complete", arrivals(seqs))),
      "✓ but starts over (duplicates)",
      "8 tokens, then all again",
    );
  },

  "tokens missing after the drop: ✓ but loses tokens": async (code) => {
    const judge = await judging(code);
    const seqs = all().filter((seq) => seq < 8 || seq > 10); // seqs 8–10 never came
    expectVerdict(judge(record("complete", arrivals(seqs))), "✓ but loses tokens", "seqs 8–10 missing");
  },

  "without seqs (the fetch stream), a repeat can only show up as inexact text": async (code) => {
    const judge = await judging(code);
    const repeated = arrivals([...all().slice(0, 8), ...all()], { withSeq: false });
    expectVerdict(
      judge(record("complete", repeated)),
      "✓ but loses tokens",
      "a fetch stream with 8 pieces twice",
    );
  },

  "the client gave up, or never noticed: ✗": async (code) => {
    const judge = await judging(code);
    const partial = arrivals(all().slice(0, 8));
    expectVerdict(judge(record("gave up", partial)), "✗ gives up", "a run that gave up");
    expectVerdict(
      judge(record("stuck", partial)),
      "✗ stuck, never notices",
      "a run that got no token for too long",
    );
    expectVerdict(judge(record("gave up", arrivals(all()))), "✗ gives up", "gave up (even with every token)");
  },
});
