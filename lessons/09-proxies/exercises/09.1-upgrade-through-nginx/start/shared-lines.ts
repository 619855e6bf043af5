/** What every path has: HTTP/1.1 to the origin (chunked streaming, keep-alive) and WebSocket upgrades. */
const SHARED = [
  "proxy_http_version 1.1;",
  // 💣 A WebSocket handshake through this nginx fails: the Upgrade request reaches the
  //    origin as a plain GET, because nginx does not pass hop-by-hop headers on.
  // 🐨 Pass the client's Upgrade header on: proxy_set_header Upgrade $http_upgrade;
  // 🐨 And Connection: the config's `map` turns it into "upgrade" when the client asked
  //    for one: proxy_set_header Connection $connection_upgrade;
];
