// 🐨 1. Answer 200 with EVENT_STREAM_HEADERS (defined above): res.writeHead(status, headers).
// 🐨 2. Send those headers now with res.flushHeaders(). Otherwise Node waits for the
//       first write, and the browser's EventSource does not fire "open" until the
//       first token: seconds of "is it broken?" on a slow model.
// 🐨 3. If `retryMs` is set, write encodeRetry(retryMs) first: it tells the browser
//       how long to wait before reconnecting after a drop.
