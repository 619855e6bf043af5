// Animation frames turned by hand, for the frame-batched store's test and
// exercise 06.2's check: `frame()` runs what was scheduled, `pending()` counts it.
export function frameClock() {
  const due = new Map<number, () => void>();
  let next = 1;
  return {
    schedule: (callback: () => void) => {
      due.set(next, callback);
      return next++;
    },
    cancel: (handle: number) => {
      due.delete(handle);
    },
    pending: () => due.size,
    frame() {
      const callbacks = [...due.values()];
      due.clear();
      for (const callback of callbacks) callback();
    },
  };
}
