// The "障眼法" (sleight of hand): the whole reply has already arrived, and the
// page types it out letter by letter to *look* like streaming. It makes the
// wait feel shorter only after the wait is over: time to first token is still
// the full generation time.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// #region typewriter
/** Reveals `text` a few characters per tick. Returns a stop that clears the timer. */
export function typeOut(
  text: string,
  show: (visible: string) => void,
  charsPerTick = 3,
  tickMs = 30,
): () => void {
  // #region type-out
  // By grapheme, what a reader calls a character: never half an emoji, even
  // one made of several code points (👨‍👩‍👧 is five, 🇨🇳 is two).
  const characters = Array.from(graphemes.segment(text), (part) => part.segment);
  let shown = 0;
  const timer = setInterval(() => {
    shown = Math.min(characters.length, shown + charsPerTick);
    show(characters.slice(0, shown).join(""));
    if (shown === characters.length) clearInterval(timer); // the step tutorials forget
  }, tickMs);
  return () => clearInterval(timer);
  // #endregion
}
// #endregion

/** THE TRAP: the same effect as many tutorials write it; its interval never stops. */
export function typeOutLeaky(
  text: string,
  show: (visible: string) => void,
  charsPerTick = 3,
  tickMs = 30,
): void {
  let shown = 0;
  setInterval(() => {
    shown += charsPerTick;
    show(text.slice(0, shown)); // also cuts emoji in half: slice counts UTF-16 units
  }, tickMs);
}
