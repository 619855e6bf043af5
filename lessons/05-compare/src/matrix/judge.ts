// Turns what arrived into table cells. A cell is "stable" when it must come
// out the same on every run (the drift test compares those); timings and byte
// counts are measured and shown, but vary.
import { createMockLlm } from "@workshop/mock-llm";
import { createSeqTally } from "@workshop/protocol";
import type { RunRecord } from "./run-transport.ts";

export interface Judged {
  /** ✓/✗ verdict with a short reason: stable. */
  verdict: string;
  /** e.g. "~85 ms": measured. */
  measured: string;
}

const expectedTokens = (prompt: string) => createMockLlm({ largeReplies: true }).replyTokens(prompt);

/**
 * Lost and duplicated tokens, counted by seq where the transport carries one.
 * The fetch stream carries none: a repeat there shows up as inexact text.
 */
function counts(record: RunRecord, prompt: string) {
  const expected = expectedTokens(prompt);
  const seqs = record.arrivals.map((a) => a.seq).filter((s): s is number => s !== undefined);
  const unique = seqs.length > 0 ? createSeqTally(seqs).unique : record.arrivals.length;
  return {
    lost: Math.max(0, expected.length - unique),
    duplicated: record.arrivals.length - unique,
    exact: record.arrivals.map((a) => a.text).join("") === expected.join(""),
  };
}

// #region judge-reconnection
export function judgeReconnection(record: RunRecord, prompt: string, faultAt: number | undefined): Judged {
  const { lost, duplicated, exact } = counts(record, prompt);
  const last = record.arrivals.at(-1);
  const measured =
    record.outcome === "complete" && last && faultAt !== undefined
      ? `~${Math.round(last.at - faultAt)} ms`
      : "–";
  // #region reconnection-verdict
  if (record.outcome === "gave up") return { verdict: "✗ gives up", measured };
  if (record.outcome === "stuck") return { verdict: "✗ stuck, never notices", measured };
  if (duplicated > 0) return { verdict: "✓ but starts over (duplicates)", measured };
  if (lost > 0 || !exact) return { verdict: "✓ but loses tokens", measured };
  return { verdict: "✓ resumes exactly", measured };
  // #endregion
}
// #endregion

export function judgeFormat(record: RunRecord, prompt: string, asksForTextBeforeTheEnd: boolean): Judged {
  const { exact } = counts(record, prompt);
  // #region format-verdict
  if (record.outcome !== "complete") return { verdict: `✗ ${record.outcome}`, measured: "–" };
  if (!exact) return { verdict: "✗ text differs", measured: "–" };
  if (!asksForTextBeforeTheEnd) return { verdict: "✓ exact", measured: "–" };
  // A stream delivers its tokens over many network reads; a response held back by a
  // buffering proxy arrives whole, in one read, at the end. Counting reads (not
  // milliseconds) gives the same verdict on a fast machine and a slow one.
  const reads = new Set(record.arrivals.map((a) => a.read)).size;
  return {
    verdict: reads > 1 ? "✓ token by token" : "✗ all at once, at the end",
    measured: `${reads} ${reads === 1 ? "read" : "reads"}`,
  };
  // #endregion
}

export function overhead(
  record: RunRecord,
  prompt: string,
  bytes: number,
): { requests: string; bytesPerToken: string } {
  const tokens = expectedTokens(prompt).length;
  return { requests: String(record.requests), bytesPerToken: `~${Math.round(bytes / tokens)} B` };
}
