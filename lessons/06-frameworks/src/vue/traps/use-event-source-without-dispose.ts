// THE TRAP (?trap=no-close): the composable without onScopeDispose. Hide the
// badge and its connection stays open; show it again and there are two, all
// counting the same notices. Compare with ../use-event-source.ts.
import { openEventSource } from "../use-event-source.ts";

type Handlers = Parameters<typeof openEventSource>[1];

export const useEventSourceWithoutDispose = (url: string, handlers: Handlers) =>
  openEventSource(url, handlers).state; // 💣 nothing closes it
