// A gate for tests that must act mid-answer (cut the connection, press Stop):
// every reply waits after its first N tokens until the test opens the gate. The
// action then lands mid-answer on any machine, where "click before the answer
// ends" is a race that a busy machine loses.
export interface Hold {
  /** Tokens a reply yields before it waits. */
  afterTokens: number;
  /** Resolves when the gate opens. */
  opened: Promise<void>;
  open(): void;
}

export function createHold(afterTokens: number): Hold {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { afterTokens, opened, open };
}

/** Resolves with the gate; rejects with the abort reason if `signal` aborts first. */
export function waitForGate(hold: Hold, signal?: AbortSignal): Promise<void> {
  if (!signal) return hold.opened;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    hold.opened.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}
