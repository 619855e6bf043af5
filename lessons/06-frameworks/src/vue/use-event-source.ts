// useEventSource, the Vue way: setup runs once, and handlers read refs when
// they run, so there is no stale closure to guard against (React's trap). What
// Vue needs instead is the cleanup: close the connection when the scope ends.
import { onScopeDispose, shallowRef } from "vue";
import { count } from "../stream/page-metrics.ts";

type Handlers = Record<string, (event: MessageEvent<string>) => void>;

/** Opens the stream; whoever calls this decides when it closes. */
export function openEventSource(url: string, handlers: Handlers) {
  const state = shallowRef<"connecting" | "open" | "closed">("connecting");
  const source = new EventSource(url);
  count("eventSources");
  for (const [type, handler] of Object.entries(handlers)) source.addEventListener(type, handler);
  source.onopen = () => {
    state.value = "open";
  };
  source.onerror = () => {
    state.value = source.readyState === EventSource.CLOSED ? "closed" : "connecting";
  };
  return { state, source };
}

export function useEventSource(url: string, handlers: Handlers) {
  const { state, source } = openEventSource(url, handlers);
  // #region event-source-dispose
  onScopeDispose(() => {
    source.close();
    count("eventSources", -1);
  });
  // #endregion
  return state;
}
