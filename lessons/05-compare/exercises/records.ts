// For the judge checks: run records made by hand, as a transport's runner
// would record them, for a reply the mock LLM really gives.
import { must } from "@workshop/exercises";
import { createMockLlm } from "@workshop/mock-llm";
import type { Arrival, RunRecord } from "../src/matrix/run-record.ts";

export const PROMPT = "echo: 流式输出 sends each token as soon as it exists.";
export const TOKENS = createMockLlm({ largeReplies: true }).replyTokens(PROMPT);

/**
 * Arrivals of the tokens at `seqs`, `gapMs` apart, each in a network read of its own (or all
 * in one, as a buffering proxy delivers them), carrying their seq (or not: the fetch stream has none).
 */
export function arrivals(seqs: number[], { gapMs = 4, withSeq = true, oneRead = false } = {}): Arrival[] {
  return seqs.map((seq, i) => ({
    text: TOKENS[seq] ?? "",
    at: 1000 + i * gapMs,
    read: oneRead ? 1 : i + 1,
    ...(withSeq ? { seq } : {}),
  }));
}

export const all = () => TOKENS.map((_, i) => i);

export function record(outcome: RunRecord["outcome"], list: Arrival[], reconnects = 1): RunRecord {
  return { outcome, arrivals: list, reconnects, requests: reconnects + 1 };
}

/** A judged cell must read `expected`; `what` says which recording, in both languages. */
export function expectVerdict(verdict: string, expected: string, what: { en: string; zh: string }): void {
  must(verdict === expected, {
    en: `${what.en}: the cell says "${verdict}", expected "${expected}"`,
    zh: `${what.zh}：单元格显示 "${verdict}"，应为 "${expected}"`,
  });
}
