// Lesson 05's format question, asked of lesson 08's adapters: the provider's
// stream delivered one byte at a time (every JSON fragment of a tool call's
// arguments split again, every Chinese character cut in three). Do the
// arguments and the text still come out exact through the BFF?

import { startFaultProxy } from "@workshop/fault-proxy";
import { createMockLlm } from "@workshop/mock-llm";
import { startLesson } from "@workshop/testkit/servers";
import { PROMPTS, PROVIDERS, type Provider } from "../protocol.ts";
import { createServer } from "../server/app.ts";
import { ask, ofType, textOf } from "./ask.ts";

export const SPLIT_ROWS = [
  "tool-call arguments split across chunks (1-byte fragments)",
  "a Chinese reply in 1-byte fragments",
] as const;
export type SplitResult = Map<(typeof SPLIT_ROWS)[number], Map<Provider, string>>;

const CHINESE = "为什么要流式输出？";

export async function runSplitChunks(): Promise<SplitResult> {
  const llm = createMockLlm({ timing: "instant" });
  // The providers: the lesson's mocks, behind a proxy that cuts their answers into single bytes.
  const providers = await startLesson(createServer({ llm, env: {} }));
  const proxy = await startFaultProxy(Number(new URL(providers.url).port));
  proxy.fragment(1);
  // The BFF under test believes they are real: a key for each, and the proxy as base URL.
  const bff = await startLesson(
    createServer({
      llm,
      env: {
        OPENAI_API_KEY: "k",
        OPENAI_BASE_URL: `${proxy.url}/v1`,
        ANTHROPIC_API_KEY: "k",
        ANTHROPIC_BASE_URL: proxy.url,
        GEMINI_API_KEY: "k",
        GEMINI_BASE_URL: proxy.url,
        DASHSCOPE_API_KEY: "k",
        DASHSCOPE_BASE_URL: proxy.url,
      },
    }),
  );
  const result: SplitResult = new Map(SPLIT_ROWS.map((row) => [row, new Map()]));
  const toolsRow = result.get(SPLIT_ROWS[0]) as Map<Provider, string>;
  const chineseRow = result.get(SPLIT_ROWS[1]) as Map<Provider, string>;
  // Every question at once: the proxy hands out one byte per turn of the event loop, so
  // streams side by side share the turns (a tenth of the time of one after another).
  const toolCell = async (provider: Provider) => {
    if (provider === "dashscope") return "— (no tools in this lesson)";
    const events = await ask(bff.url, provider, PROMPTS.tool);
    const input = JSON.stringify(ofType(events, "tool-call-end")[0]?.input);
    return input === '{"city":"Hangzhou"}' && textOf(events).includes("light rain")
      ? "✓ exact"
      : `✗ arguments ${input ?? "missing"}`;
  };
  const chineseCell = async (provider: Provider) =>
    textOf(await ask(bff.url, provider, CHINESE)) === llm.replyTokens(CHINESE).join("")
      ? "✓ exact"
      : "✗ text differs";
  try {
    await Promise.all(
      PROVIDERS.flatMap((provider) => [
        toolCell(provider).then((cell) => toolsRow.set(provider, cell)),
        chineseCell(provider).then((cell) => chineseRow.set(provider, cell)),
      ]),
    );
  } finally {
    await bff.close();
    await proxy.close();
    await providers.close();
  }
  return result;
}

export function renderSplitChunks(result: SplitResult): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    "## Format, through lesson 08's BFF: five providers' wire formats",
    "",
    "Written by `pnpm compare` in `lessons/08-llm-apis` (its `test/results-drift.test.ts` compares this table with a fresh run): each provider's mock answer delivered to lesson 08's adapters one byte at a time, through a fault proxy.",
    "",
    line(["Scenario", ...PROVIDERS]),
    line(["---", ...PROVIDERS.map(() => "---")]),
    ...SPLIT_ROWS.map((row) => line([row, ...PROVIDERS.map((p) => result.get(row)?.get(p) ?? "?")])),
  ].join("\n");
}
