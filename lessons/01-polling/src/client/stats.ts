// What the page shows for each mode. Pure bookkeeping, no DOM: unit-tested.
import { createSeqTally, type SeqTally, type Token } from "@workshop/protocol";

export interface ModeStats {
  startedAt: number;
  firstTokenAt?: number;
  finishedAt?: number;
  requests: number;
  /** Answers that carried no new token: the price of asking too early. */
  emptyResponses: number;
  bytes: number;
  text: string;
  /** Tokens whose seq we had already shown (a poller that overlaps shows some). */
  duplicates: number;
  /** Every seq seen so far. */
  seqs: SeqTally;
}

export function createStats(now: number): ModeStats {
  return {
    startedAt: now,
    requests: 0,
    emptyResponses: 0,
    bytes: 0,
    text: "",
    duplicates: 0,
    seqs: createSeqTally(),
  };
}

/** Appends a response's tokens as they came (as a naive client would), counting repeats by seq. */
export function recordTokens(stats: ModeStats, tokens: readonly Token[], bytes: number, now: number): void {
  stats.bytes += bytes;
  if (tokens.length === 0) stats.emptyResponses++;
  for (const token of tokens) {
    if (stats.firstTokenAt === undefined) stats.firstTokenAt = now;
    stats.text += token.text;
    if (!stats.seqs.add(token.seq)) stats.duplicates++;
  }
}

export const timeToFirstToken = (s: ModeStats) =>
  s.firstTokenAt === undefined ? undefined : s.firstTokenAt - s.startedAt;
export const totalTime = (s: ModeStats) =>
  s.finishedAt === undefined ? undefined : s.finishedAt - s.startedAt;
