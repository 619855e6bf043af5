// Every reply numbers its tokens from 0 (Token.seq), whatever the transport.
// Counting by seq is how a client knows it repeated something (an
// overlapping poll, a reconnect that started over) or lost something (a
// resume that skipped ahead). Written once, here, for every lesson's page.

export interface SeqTally {
  /** Counts one arriving seq; false if it had arrived before. */
  add(seq: number): boolean;
  /** Arrivals whose seq had arrived before. */
  readonly duplicates: number;
  /** Different seqs seen. */
  readonly unique: number;
  /** Seqs missing below the highest one seen. */
  readonly gaps: number;
}

export function createSeqTally(seqs: Iterable<number> = []): SeqTally {
  const seen = new Set<number>();
  let duplicates = 0;
  let highest = -1;
  const tally: SeqTally = {
    add(seq) {
      if (seen.has(seq)) {
        duplicates++;
        return false;
      }
      seen.add(seq);
      if (seq > highest) highest = seq;
      return true;
    },
    get duplicates() {
      return duplicates;
    },
    get unique() {
      return seen.size;
    },
    get gaps() {
      return highest + 1 - seen.size;
    },
  };
  for (const seq of seqs) tally.add(seq);
  return tally;
}
