import { defineChecks, type LessonCode } from "@workshop/exercises";
import type * as Judge from "../../src/matrix/judge.ts";
import { all, arrivals, expectVerdict, PROMPT, record } from "../records.ts";

const FAULT_AT = 1000;

async function judging(code: LessonCode) {
  const { judgeReconnection } = await code.load<typeof Judge>("src/matrix/judge.ts");
  return (r: ReturnType<typeof record>) => judgeReconnection(r, PROMPT, FAULT_AT).verdict;
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "every token exactly once: ✓ resumes exactly": "每个 token 恰好一次：✓ resumes exactly",
  "the reply started over after the drop: ✓ but starts over (duplicates)":
    "断线后回复从头再来：✓ but starts over (duplicates)",
  "tokens missing after the drop: ✓ but loses tokens": "断线后丢了 token：✓ but loses tokens",
  "without seqs (the fetch stream), a repeat can only show up as inexact text":
    "没有 seq 时（fetch 流），重复只能表现为文本不准确",
  "the client gave up, or never noticed: ✗": "客户端放弃了，或者一直没察觉：✗",
};

export default defineChecks({
  "every token exactly once: ✓ resumes exactly": async (code) => {
    const judge = await judging(code);
    expectVerdict(judge(record("complete", arrivals(all()))), "✓ resumes exactly", {
      en: "all tokens once, in order",
      zh: "所有 token 各一次，按顺序",
    });
  },

  "the reply started over after the drop: ✓ but starts over (duplicates)": async (code) => {
    const judge = await judging(code);
    const seqs = [...all().slice(0, 8), ...all()]; // 8 tokens, then everything again
    expectVerdict(judge(record("complete", arrivals(seqs))), "✓ but starts over (duplicates)", {
      en: "8 tokens, then all again",
      zh: "先 8 个 token，然后全部再来一遍",
    });
  },

  "tokens missing after the drop: ✓ but loses tokens": async (code) => {
    const judge = await judging(code);
    const seqs = all().filter((seq) => seq < 8 || seq > 10); // seqs 8–10 never came
    expectVerdict(judge(record("complete", arrivals(seqs))), "✓ but loses tokens", {
      en: "seqs 8–10 missing",
      zh: "缺了 seq 8–10",
    });
  },

  "without seqs (the fetch stream), a repeat can only show up as inexact text": async (code) => {
    const judge = await judging(code);
    const repeated = arrivals([...all().slice(0, 8), ...all()], { withSeq: false });
    expectVerdict(judge(record("complete", repeated)), "✓ but loses tokens", {
      en: "a fetch stream with 8 pieces twice",
      zh: "一条 fetch 流，前 8 段出现了两次",
    });
  },

  "the client gave up, or never noticed: ✗": async (code) => {
    const judge = await judging(code);
    const partial = arrivals(all().slice(0, 8));
    expectVerdict(judge(record("gave up", partial)), "✗ gives up", {
      en: "a run that gave up",
      zh: "一次放弃了的运行",
    });
    expectVerdict(judge(record("stuck", partial)), "✗ stuck, never notices", {
      en: "a run that got no token for too long",
      zh: "一次太久没收到 token 的运行",
    });
    expectVerdict(judge(record("gave up", arrivals(all()))), "✗ gives up", {
      en: "gave up (even with every token)",
      zh: "放弃了（哪怕拿到了全部 token）",
    });
  },
});
