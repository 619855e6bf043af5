// 🐨 A reader gets the run's entries after `afterSeq` (entries[i] is token i; the last one,
//    once the run ends, is `done`), then each new entry as it is appended, until the run
//    ends. Loop for as long as this reader stays (until `signal` aborts):
//   1. Yield every entry it has not had yet. The first entry that is not a token is `done`
//      (a Stop's too, with the reason "cancelled"): yield it, then return. This reader is over.
//   2. Nothing new, and the run has ended (a reader asked for offsets past the end): return,
//      nothing more will come.
//   3. Else wait until append() wakes the readers (each function in `run.waiting` is called,
//      then the set is cleared), or until this reader leaves. Leaving ends this reader only:
//      take its wake-up out of `run.waiting` (and its listener off the signal), the run goes on.
// 💣 Below: a replay of what is there now, and nothing after it.
async *read(id, afterSeq, signal) {
  const run = runs.get(id);
  if (!run || signal.aborted) return;
  yield* run.entries.slice(afterSeq + 1);
},
