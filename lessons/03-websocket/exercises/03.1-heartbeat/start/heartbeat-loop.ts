  // 🐨 Every `intervalMs`, for each socket in `wss.clients`:
  //   - if it did not answer the previous ping (no "pong" since), drop it at once, with no
  //     closing handshake: a dead peer never answers a close frame either, so a polite
  //     close would wait for nothing.
  //   - else mark it as "waiting for a pong", ping it, and call beat(ws): a message page
  //     JavaScript can see (browsers answer pings by themselves but never show them to the page).
  // 🐨 Remember who answered, without keeping closed sockets alive: per socket, a flag that
  //    is true when it connects and again on each "pong" it sends.
  // 🐨 One timer for every socket, not one per socket. Return a stop function that clears
  //    it, and stop it also when the server itself closes: a timer must not outlive its server.
  return () => {};
