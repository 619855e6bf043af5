import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as Judge from "../../src/matrix/judge.ts";
import { all, arrivals, expectVerdict, PROMPT, record } from "../records.ts";

async function judging(code: LessonCode) {
  const { judgeFormat } = await code.load<typeof Judge>("src/matrix/judge.ts");
  return (r: ReturnType<typeof record>, inTime = false) => judgeFormat(r, PROMPT, inTime);
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the exact text: ✓ exact": "文本准确：✓ exact",
  "garbled or incomplete text: ✗": "文本错乱或不完整：✗",
  "tokens in many network reads: ✓ token by token, with the reads counted":
    "token 分多次网络读取到达：✓ token by token，并统计读取次数",
  "every token in one read at the end: ✗ all at once": "所有 token 在最后的一次读取中到达：✗ all at once",
  "a slow machine's long gaps do not make a stream: one read is one read":
    "慢机器上的长间隔不等于流：一次读取就是一次读取",
};

export default defineChecks({
  "the exact text: ✓ exact": async (code) => {
    const judge = await judging(code);
    expectVerdict(judge(record("complete", arrivals(all()))).verdict, "✓ exact", {
      en: "every token, exact",
      zh: "全部 token，文本准确",
    });
  },

  "garbled or incomplete text: ✗": async (code) => {
    const judge = await judging(code);
    const garbled = arrivals(all()).map((a, i) => (i === 3 ? { ...a, text: "\uFFFD" } : a));
    expectVerdict(judge(record("complete", garbled)).verdict, "✗ text differs", {
      en: "a token replaced by �",
      zh: "一个 token 被替换成了 �",
    });
    expectVerdict(judge(record("stuck", arrivals(all().slice(0, 5)))).verdict, "✗ stuck", {
      en: "a run stuck after 5 tokens",
      zh: "一次在 5 个 token 之后卡住的运行",
    });
    expectVerdict(judge(record("gave up", [])).verdict, "✗ gave up", {
      en: "a run that gave up",
      zh: "一次放弃了的运行",
    });
  },

  "tokens in many network reads: ✓ token by token, with the reads counted": async (code) => {
    const judge = await judging(code);
    const flowing = arrivals(all());
    const { verdict, measured } = judge(record("complete", flowing), true);
    expectVerdict(verdict, "✓ token by token", {
      en: `${flowing.length} tokens, each in its own read`,
      zh: `${flowing.length} 个 token，每个各占一次读取`,
    });
    must(measured === `${flowing.length} reads`, {
      en: `the measured cell says "${measured}", expected "${flowing.length} reads"`,
      zh: `measured 单元格显示 "${measured}"，应为 "${flowing.length} reads"`,
    });
  },

  "every token in one read at the end: ✗ all at once": async (code) => {
    const judge = await judging(code);
    const lumped = arrivals(all(), { gapMs: 0, oneRead: true });
    expectVerdict(judge(record("complete", lumped), true).verdict, "✗ all at once, at the end", {
      en: "every token in the same read (a buffering proxy)",
      zh: "所有 token 在同一次读取中（会缓冲的代理）",
    });
  },

  "a slow machine's long gaps do not make a stream: one read is one read": async (code) => {
    const judge = await judging(code);
    const late = arrivals(all(), { gapMs: 200, oneRead: true });
    expectVerdict(judge(record("complete", late), true).verdict, "✗ all at once, at the end", {
      en: "every token in one read, though their timestamps spread over seconds",
      zh: "所有 token 在一次读取中，尽管它们的时间戳分散在好几秒里",
    });
  },
});
