  // 🐨 Poll without ever overlapping: ask, wait for the answer, THEN schedule the next ask.
  // 🐨 1. Keep a cursor: how many tokens you already have (0 at first). `poll(cursor, signal)`
  //       answers the tokens after it, and its answer says where to continue
  //       (`response.body.cursor`). Take the server's number: it knows what it sent.
  // 🐨 2. Tell the page about each request just before it goes out (`onRequest`, with the
  //       cursor: the page counts requests with it) and about each answer (`onResponse`).
  //       An answer that says the reply is done ends the polling: stop first, then `onDone`.
  // 🐨 3. Otherwise wait `intervalMs()` and ask again, with a one-shot timer started only
  //       once the answer is in. Never setInterval: it fires whether or not the last answer
  //       came back, so on a slow server requests pile up and overtake each other.
  // 🐨 4. A poll that fails is reported to `onError` (if the page gave one), and polling
  //       goes on: the next ask may well succeed. A poll that failed because you stopped it
  //       is no error at all: say nothing.
  // 🐨 5. While `visibility?.hidden()`, do not ask: nobody is looking. `visibility.onChange`
  //       tells you when that changes (it returns an unsubscribe): ask at once when the tab
  //       is shown again, unless a request or a timer is already on its way.
  // 🐨 6. stop(): no more asks, no pending timer, the request in flight cancelled (an
  //       AbortController's signal is what you pass to poll), and no more visibility events.
  return { stop() {} };
