  // 🐨 Poll without ever overlapping: ask, wait for the answer, THEN schedule the next ask.
  // 🐨 1. Keep a `cursor`, starting at 0. `await poll(cursor, signal)` answers the tokens
  //       after it; continue from `response.body.cursor` (the server says where).
  // 🐨 2. After each answer call onResponse(response). If `response.body.done`: stop, then onDone().
  //       Otherwise `setTimeout(ask, intervalMs())`. Never setInterval: it fires whether or not
  //       the last answer came back, and on a slow server requests pile up.
  // 🐨 3. A failed poll: onError?.(error), then keep polling (unless stopped).
  // 🐨 4. While `visibility?.hidden()`, do not ask. `visibility.onChange(listener)` tells you
  //       when that changes (it returns an unsubscribe): ask at once when the tab is shown again.
  // 🐨 5. stop(): no more asks, clear the pending timer, abort the request in flight (an
  //       AbortController's signal is what you pass to poll), unsubscribe from visibility.
  // 💰 Call onRequest?.(cursor) just before each poll: the page counts requests with it.
  return { stop() {} };
