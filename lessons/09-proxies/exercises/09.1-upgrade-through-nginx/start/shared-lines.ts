/** What every path has: HTTP/1.1 to the origin (chunked streaming, keep-alive) and WebSocket upgrades. */
const SHARED = [
  "proxy_http_version 1.1;",
  // 💣 A WebSocket handshake through this nginx fails: the Upgrade request reaches the
  //    origin as a plain GET, because nginx does not pass hop-by-hop headers on.
  // 🐨 Set the Upgrade header on the request to the origin, copied from the client's
  //    (nginx has a variable for every request header).
  // 🐨 And set Connection: to "upgrade" when the client asked for one, else empty, which
  //    is what the config's `map` block at the top already computes into a variable.
];
