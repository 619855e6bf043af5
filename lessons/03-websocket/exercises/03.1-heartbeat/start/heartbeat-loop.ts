  // 🐨 Every `intervalMs`, for each socket in `wss.clients`:
  //   - if it did not answer the previous ping (no "pong" since): ws.terminate() it.
  //     Not close(): a dead peer never answers a close handshake either.
  //   - else mark it "waiting", ws.ping(), and beat(ws) (a message page JavaScript can see;
  //     browsers answer pings by themselves but never show them to the page).
  // 🐨 Remember who answered: a WeakMap<WebSocket, boolean>, set to true on each "pong"
  //    (ws.on("pong", …)) and when the socket connects (wss.on("connection", …)).
  // 🐨 Return a stop function that clears the interval, and call it when the server closes
  //    (wss.on("close", stop)): a timer must not outlive its server.
  return () => {};
