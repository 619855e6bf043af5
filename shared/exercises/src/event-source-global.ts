// For a check that runs a page's code in Node: an EventSource on globalThis (Node 20 has
// none; the check passes the `eventsource` package, which follows the browsers' spec),
// and every stream that code opened closed when the check ends, however it ends. One
// left open by a stub would go on reconnecting to a server that is gone, inside the
// process that runs the next check. Node is left as it was.
export async function withEventSourceGlobal<Source extends { close(): void }, T>(
  implementation: new (...args: never[]) => Source,
  use: (opened: Source[]) => Promise<T>,
): Promise<T> {
  const opened: Source[] = [];
  const recorded = new Proxy(implementation, {
    construct(target, args, newTarget) {
      const source = Reflect.construct(target, args, newTarget) as Source;
      opened.push(source);
      return source;
    },
  });
  const before = Object.getOwnPropertyDescriptor(globalThis, "EventSource");
  Object.assign(globalThis, { EventSource: recorded });
  try {
    return await use(opened);
  } finally {
    for (const source of opened) source.close();
    if (before) Object.defineProperty(globalThis, "EventSource", before);
    else Reflect.deleteProperty(globalThis, "EventSource");
  }
}
