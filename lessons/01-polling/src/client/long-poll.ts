// Long polling: the server holds each request until there is news, so the
// client simply asks again the moment an answer arrives.
import type { Poll } from "./api.ts";
import type { Poller, PollerHandlers } from "./short-poll.ts";

export interface LongPollOptions extends PollerHandlers {
  poll: Poll;
  /** After a failed request, wait this long before asking again (no hot loop). */
  retryDelayMs?: number;
}

// #region long-poll-client
export function startLongPolling(options: LongPollOptions): Poller {
  // #region long-poll-loop
  const { poll, onRequest, onResponse, onDone, onError, retryDelayMs = 1000 } = options;
  const controller = new AbortController();
  let cursor = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  async function ask(): Promise<void> {
    onRequest?.(cursor);
    try {
      const response = await poll(cursor, controller.signal);
      cursor = response.body.cursor;
      onResponse(response); // after a timeout: no tokens, same cursor
      if (response.body.done) {
        onDone();
        return;
      }
      void ask(); // at once: the server does the waiting
    } catch (error) {
      if (controller.signal.aborted) return;
      onError?.(error);
      retryTimer = setTimeout(ask, retryDelayMs);
    }
  }

  void ask();
  return {
    stop() {
      clearTimeout(retryTimer);
      controller.abort();
    },
  };
  // #endregion
}
// #endregion
