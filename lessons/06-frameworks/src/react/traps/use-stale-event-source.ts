// THE TRAPS (README "StrictMode" and "stale closure"): two ways an
// EventSource hook goes wrong. Compare with ../use-event-source.ts.
import { useEffect, useState } from "react";
import { count } from "../../stream/page-metrics.ts";

type Handlers = Record<string, (event: MessageEvent<string>) => void>;
type State = "connecting" | "open" | "closed";

function connect(url: string, handlers: Handlers, onOpen: () => void): EventSource {
  const source = new EventSource(url);
  count("eventSources");
  for (const [type, handler] of Object.entries(handlers)) source.addEventListener(type, handler);
  source.onopen = onOpen;
  return source;
}

/** No cleanup: StrictMode's second mount opens a second connection, and unmounting closes neither. */
export function useEventSourceWithoutCleanup(url: string, handlers: Handlers): State {
  const [state, setState] = useState<State>("connecting");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trap is the missing cleanup
  useEffect(() => {
    connect(url, handlers, () => setState("open"));
  }, [url]);
  return state;
}

/** Cleans up, but its listeners close over the FIRST render's handlers: they read that render's state forever. */
export function useEventSourceWithStaleHandlers(url: string, handlers: Handlers): State {
  const [state, setState] = useState<State>("connecting");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trap is this dependency list
  useEffect(() => {
    const source = connect(url, handlers, () => setState("open"));
    return () => {
      source.close();
      count("eventSources", -1);
    };
  }, [url]);
  return state;
}
