// Short polling, done right: ask, wait for the answer, *then* schedule the
// next ask. At most one request is ever in flight, however slow the server.
import type { PollResponse } from "../protocol.ts";
import type { Fetched, Poll } from "./api.ts";
import type { Visibility } from "./visibility.ts";

export interface PollerHandlers {
  onRequest?: (cursor: number) => void;
  onResponse: (response: Fetched<PollResponse>) => void;
  onDone: () => void;
  onError?: (error: unknown) => void;
}

export interface ShortPollOptions extends PollerHandlers {
  poll: Poll;
  /** Read before each wait, so the page's interval input applies at once. */
  intervalMs: () => number;
  /** Without it, polling never pauses. */
  visibility?: Visibility;
}

export interface Poller {
  stop(): void;
}

// #region short-poll
export function startShortPolling(options: ShortPollOptions): Poller {
  const { poll, intervalMs, visibility, onRequest, onResponse, onDone, onError } = options;
  // #region short-poll-loop
  const controller = new AbortController();
  let cursor = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let stopped = false;

  async function ask(): Promise<void> {
    timer = undefined;
    if (stopped || visibility?.hidden()) return; // hidden: resumed by onChange
    inFlight = true;
    onRequest?.(cursor);
    try {
      const response = await poll(cursor, controller.signal);
      cursor = response.body.cursor; // the server says where to continue
      onResponse(response);
      if (response.body.done) {
        stop();
        onDone();
        return;
      }
    } catch (error) {
      if (stopped) return;
      onError?.(error); // keep polling: the next ask may succeed
    } finally {
      inFlight = false;
    }
    scheduleNext();
  }

  function scheduleNext(): void {
    // setTimeout after the answer, never setInterval: no overlap, no pile-up.
    if (!stopped && !visibility?.hidden()) timer = setTimeout(ask, intervalMs());
  }

  // A hidden tab stops asking (nobody is looking) and asks at once on return.
  const stopWatching = visibility?.onChange(() => {
    if (visibility.hidden()) {
      clearTimeout(timer);
      timer = undefined;
    } else if (!inFlight && timer === undefined) {
      void ask();
    }
  });

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    controller.abort();
    stopWatching?.();
  }

  void ask();
  return { stop };
  // #endregion
}
// #endregion
