// THE TRAP (?trap=stale): an EventSource hook that cleans up, but whose
// listeners close over the FIRST render's handlers: they read that render's
// state forever (Mute does not mute). Compare with ../use-event-source.ts,
// which keeps the latest handlers in a ref.
import { useEffect, useState } from "react";
import { count } from "../../stream/page-metrics.ts";
import { connect, type Handlers } from "./use-event-source-without-cleanup.ts";

export function useEventSourceWithStaleHandlers(url: string, handlers: Handlers): "connecting" | "open" {
  const [state, setState] = useState<"connecting" | "open">("connecting");
  // biome-ignore lint/correctness/useExhaustiveDependencies: 💣 the trap is this dependency list
  useEffect(() => {
    const source = connect(url, handlers, () => setState("open"));
    return () => {
      source.close();
      count("eventSources", -1);
    };
  }, [url]);
  return state;
}
