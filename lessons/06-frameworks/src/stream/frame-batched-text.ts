// The answer being streamed, as a tiny external store: tokens append to it as
// fast as they come, but its readers hear about it at most once per animation
// frame. React reads it with useSyncExternalStore, Vue copies it into a
// shallowRef: either way, a thousand tokens cost one render per frame, not
// one per token (the screen cannot show more than that anyway).

export interface FrameBatchedText {
  append(delta: string): void;
  /** Starts over (a new answer), telling readers at once. */
  reset(text?: string): void;
  /** Tells readers now, without waiting for the frame (the end of an answer). */
  flush(): void;
  getSnapshot(): string;
  subscribe(listener: () => void): () => void;
}

// #region frame-batched-text
export function createFrameBatchedText(
  schedule: (callback: () => void) => number = requestAnimationFrame,
  cancel: (handle: number) => void = cancelAnimationFrame,
): FrameBatchedText {
  let text = "";
  const listeners = new Set<() => void>();
  // #region one-notify-a-frame
  let frame = 0; // the pending frame's handle; 0: none
  const notify = () => {
    cancel(frame);
    frame = 0;
    for (const listener of listeners) listener();
  };
  // #endregion
  return {
    append(delta) {
      text += delta;
      // #region schedule-once
      frame ||= schedule(notify); // the first token of a frame schedules; the rest ride along
      // #endregion
    },
    reset(next = "") {
      text = next;
      notify();
    },
    flush: notify,
    getSnapshot: () => text,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
// #endregion
