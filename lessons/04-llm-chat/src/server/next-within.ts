// One step of an async iterator, or "timeout" if it takes longer than `ms`.
export type Step<T> =
  | { kind: "value"; value: T }
  | { kind: "done" }
  | { kind: "timeout" }
  | { kind: "error"; error: unknown };

export async function nextWithin<T>(iterator: AsyncIterator<T>, ms: number): Promise<Step<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Step<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout" }), ms);
  });
  const next = iterator.next().then(
    (result): Step<T> => (result.done ? { kind: "done" } : { kind: "value", value: result.value }),
    (error: unknown): Step<T> => ({ kind: "error", error }), // also after a timeout won: never unhandled
  );
  try {
    return await Promise.race([next, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
