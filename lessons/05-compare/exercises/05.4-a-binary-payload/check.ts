import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as RunMatrix from "../../src/matrix/run-matrix.ts";
import type * as Scenarios from "../../src/matrix/scenarios.ts";

const MUST_HOLD: [string, string][] = [
  ["\u0000", "a NUL (\\u0000)"],
  ["\u2028", "LINE SEPARATOR (\\u2028)"],
  ["\r\n", "a CRLF"],
];
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text);

async function findScenario(code: LessonCode) {
  const { SCENARIOS } = await code.load<typeof Scenarios>("src/matrix/scenarios.ts");
  const scenario = SCENARIOS.find((s) => s.group === "Format" && s.prompt.includes("\u0000"));
  must(scenario, "no Format scenario whose prompt holds a NUL (\\u0000) in SCENARIOS");
  return scenario;
}

export default defineChecks({
  "SCENARIOS has a Format row whose reply is not plain text": async (code) => {
    const scenario = await findScenario(code);
    must(
      scenario.prompt.startsWith("echo:"),
      'start the prompt with "echo:" so the mock LLM replies with your text',
    );
    for (const [text, what] of MUST_HOLD) must(scenario.prompt.includes(text), `the prompt has no ${what}`);
    must(hasLoneSurrogate(scenario.prompt), "the prompt has no lone surrogate (e.g. \\ud800)");
  },

  "run on every transport, every cell is exact: JSON carries what raw text cannot": async (code) => {
    const scenario = await findScenario(code);
    const { runScenario } = await code.load<typeof RunMatrix>("src/matrix/run-matrix.ts");
    const verdicts = await runScenario(scenario);
    must(verdicts.size === 5, `the row has ${verdicts.size} cells, not 5`);
    for (const [transport, { verdict }] of verdicts) {
      must(verdict === "✓ exact", `${transport}'s cell says "${verdict}"`);
    }
  },
});
