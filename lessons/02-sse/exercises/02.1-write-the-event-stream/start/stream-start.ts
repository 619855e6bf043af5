// 🐨 1. Answer 200 with the headers of an event stream: EVENT_STREAM_HEADERS, above
//       (the type EventSource insists on, and the two that keep proxies from buffering).
// 🐨 2. Send those headers now, before any event. Node holds them until the first
//       write otherwise, and the browser's EventSource does not fire "open" until the
//       first token: seconds of "is it broken?" on a slow model.
// 🐨 3. If `retryMs` is set, start the body with a retry line (`encodeRetry` writes it):
//       it tells the browser how long to wait before reconnecting after a drop.
