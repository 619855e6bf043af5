// THE TRAP (?trap=no-close): an effect that opens an EventSource and returns no
// cleanup. StrictMode's second mount opens a second connection, and unmounting
// (Hide notifications) closes neither. Compare with ../use-event-source.ts.
import { useEffect, useState } from "react";
import { count } from "../../stream/page-metrics.ts";

export type Handlers = Record<string, (event: MessageEvent<string>) => void>;

/** Opens the stream with these handlers, as tutorials write it (the stale-handlers trap uses it too). */
export function connect(url: string, handlers: Handlers, onOpen: () => void): EventSource {
  const source = new EventSource(url);
  count("eventSources");
  for (const [type, handler] of Object.entries(handlers)) source.addEventListener(type, handler);
  source.onopen = onOpen;
  return source;
}

export function useEventSourceWithoutCleanup(url: string, handlers: Handlers): "connecting" | "open" {
  const [state, setState] = useState<"connecting" | "open">("connecting");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first render's handlers, as tutorials write it
  useEffect(() => {
    connect(url, handlers, () => setState("open"));
    // 💣 no `return () => source.close()`
  }, [url]);
  return state;
}
