import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as RunMatrix from "../../src/matrix/run-matrix.ts";
import type * as Scenarios from "../../src/matrix/scenarios.ts";

const MUST_HOLD: [string, { en: string; zh: string }][] = [
  ["\u0000", { en: "a NUL (\\u0000)", zh: "NUL（\\u0000）" }],
  ["\u2028", { en: "LINE SEPARATOR (\\u2028)", zh: "LINE SEPARATOR（\\u2028）" }],
  ["\r\n", { en: "a CRLF", zh: "CRLF" }],
];
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text);

async function findScenario(code: LessonCode) {
  const { SCENARIOS } = await code.load<typeof Scenarios>("src/matrix/scenarios.ts");
  const scenario = SCENARIOS.find((s) => s.group === "Format" && s.prompt.includes("\u0000"));
  must(scenario, {
    en: "no Format scenario whose prompt holds a NUL (\\u0000) in SCENARIOS",
    zh: "SCENARIOS 里没有提示词含 NUL（\\u0000）的 Format 场景",
  });
  return scenario;
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "SCENARIOS has a Format row whose reply is not plain text": "SCENARIOS 里有一行 Format，它的回复不是纯文本",
  "run on every transport, every cell is exact: JSON carries what raw text cannot":
    "在每种传输方式上运行，每个单元格都准确：原始文本承载不了的，JSON 能承载",
};

export default defineChecks({
  "SCENARIOS has a Format row whose reply is not plain text": async (code) => {
    const scenario = await findScenario(code);
    must(scenario.prompt.startsWith("echo:"), {
      en: 'start the prompt with "echo:" so the mock LLM replies with your text',
      zh: '提示词要以 "echo:" 开头，mock LLM 才会用你的文本回复',
    });
    for (const [text, what] of MUST_HOLD) {
      must(scenario.prompt.includes(text), {
        en: `the prompt has no ${what.en}`,
        zh: `提示词里没有 ${what.zh}`,
      });
    }
    must(hasLoneSurrogate(scenario.prompt), {
      en: "the prompt has no lone surrogate (e.g. \\ud800)",
      zh: "提示词里没有孤立的代理项（例如 \\ud800）",
    });
  },

  "run on every transport, every cell is exact: JSON carries what raw text cannot": async (code) => {
    const scenario = await findScenario(code);
    const { runScenario } = await code.load<typeof RunMatrix>("src/matrix/run-matrix.ts");
    const verdicts = await runScenario(scenario);
    must(verdicts.size === 5, {
      en: `the row has ${verdicts.size} cells, not 5`,
      zh: `这一行有 ${verdicts.size} 个单元格，不是 5 个`,
    });
    for (const [transport, { verdict }] of verdicts) {
      must(verdict === "✓ exact", {
        en: `${transport}'s cell says "${verdict}"`,
        zh: `${transport} 的单元格显示 "${verdict}"`,
      });
    }
  },
});
