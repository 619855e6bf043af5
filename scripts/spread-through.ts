// How the suite's sequencer (vitest.config.ts) mixes files that compute with files that wait:
// evenly, so that neither kind is left to run alone at the end.

/** `first` with `second` spread evenly through it, each in its own order: both run out together. */
export function spreadThrough<A, B>(first: A[], second: B[]): (A | B)[] {
  const merged: (A | B)[] = [];
  let [i, j] = [0, 0];
  while (i < first.length || j < second.length) {
    // From `second` while it lags `first` in proportion, and once `first` has run out.
    const takeSecond = j < second.length && (i === first.length || j * first.length < i * second.length);
    merged.push((takeSecond ? second[j++] : first[i++]) as A | B);
  }
  return merged;
}
