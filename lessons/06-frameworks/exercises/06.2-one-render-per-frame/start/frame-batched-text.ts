export function createFrameBatchedText(
  schedule: (callback: () => void) => number = requestAnimationFrame,
  cancel: (handle: number) => void = cancelAnimationFrame,
): FrameBatchedText {
  // 🐨 Keep the text, the listeners (a Set), and the pending frame's handle (0: none).
  // 🐨 append(delta): add to the text, and schedule ONE notify for the next frame, unless
  //    one is already scheduled (`frame ||= schedule(notify)`): every token of that frame rides along.
  // 🐨 notify: cancel the pending frame, set it to 0, call every listener.
  // 🐨 reset(next = ""), flush(): replace the text / notify at once. subscribe(listener) returns
  //    the unsubscribe. getSnapshot() returns the text.
  // 💣 Below: a listener call per token, what `setState` per token does.
  let text = "";
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  void schedule;
  void cancel;
  return {
    append(delta) {
      text += delta;
      notify();
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
