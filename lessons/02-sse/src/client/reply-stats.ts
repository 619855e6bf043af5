// What the page shows about one reply. Pure bookkeeping, no DOM.
import { createSeqTally, type SeqTally } from "@workshop/protocol";

export interface ReplyStats {
  startedAt: number;
  firstTokenAt?: number;
  finishedAt?: number;
  tokens: number;
  /** Tokens whose seq had already arrived: the reconnect trap shows many. */
  duplicates: number;
  reconnects: number;
  lastEventId: string;
  seqs: SeqTally;
}

export function createReplyStats(startedAt: number): ReplyStats {
  return { startedAt, tokens: 0, duplicates: 0, reconnects: 0, lastEventId: "", seqs: createSeqTally() };
}

/** One token arrived (the tutorial's tokens carry no seq, so its repeats can't be told apart). */
export function recordToken(stats: ReplyStats, now: number, seq?: number): void {
  stats.firstTokenAt ??= now;
  stats.tokens++;
  if (seq !== undefined && !stats.seqs.add(seq)) stats.duplicates++;
}
