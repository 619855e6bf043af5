// THE TRAP, kept for the demonstration (README "pitfalls", test
// "setInterval + fetch overlaps"). This is how many tutorials poll: setInterval
// fires on schedule whether or not the last answer has arrived. When the server
// is slower than the interval, requests pile up, answers come back out of
// order, and the same tokens are appended twice. Use startShortPolling instead.
import type { Poller, ShortPollOptions } from "./short-poll.ts";

// #region naive-poll
export function startNaivePolling({
  poll,
  intervalMs,
  onRequest,
  onResponse,
  onDone,
}: ShortPollOptions): Poller {
  let cursor = 0;
  const controller = new AbortController();
  const timer = setInterval(async () => {
    onRequest?.(cursor);
    const response = await poll(cursor, controller.signal); // several may be in flight at once
    cursor = response.body.cursor; // a late, older answer moves the cursor back
    onResponse(response); // ...and its tokens are shown again
    if (response.body.done) {
      clearInterval(timer);
      onDone();
    }
  }, intervalMs());
  return {
    stop() {
      clearInterval(timer);
      controller.abort();
    },
  };
}
// #endregion
