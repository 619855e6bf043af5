// useEventSource: one EventSource per URL, closed on unmount, with handlers
// that always see the latest props and state without reconnecting.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { count } from "../stream/page-metrics.ts";

type Handlers = Record<string, (event: MessageEvent<string>) => void>;

// #region use-event-source
export function useEventSource(url: string, handlers: Handlers): "connecting" | "open" | "closed" {
  const [state, setState] = useState<"connecting" | "open" | "closed">("connecting");
  // The latest handlers, refreshed after every render: a listener that closed
  // over the first render's handlers would read that render's state forever.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const source = new EventSource(url);
    count("eventSources");
    const types = Object.keys(latest.current);
    const dispatch = (event: MessageEvent<string>) => latest.current[event.type]?.(event);
    for (const type of types) source.addEventListener(type, dispatch);
    source.onopen = () => setState("open");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    // #region event-source-cleanup
    // StrictMode runs this effect, this cleanup, and the effect again: without
    // the cleanup, development opens two connections and keeps both.
    return () => {
      source.close();
      count("eventSources", -1);
    };
    // #endregion
  }, [url]);

  return state;
}
// #endregion
