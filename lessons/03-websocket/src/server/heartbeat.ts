// Ping every peer on a schedule; terminate the ones that did not answer the
// previous ping. TCP alone can take many minutes to notice a peer that
// vanished without a FIN (a laptop lid closed, a phone off the network).
import type { WebSocket, WebSocketServer } from "ws";

// #region heartbeat
export function startHeartbeat(
  wss: WebSocketServer,
  intervalMs: number,
  beat: (ws: WebSocket) => void,
): () => void {
  // #region heartbeat-loop
  const answered = new WeakMap<WebSocket, boolean>();
  // One listener function for every socket (`this` is the socket), not a closure per socket.
  function onPong(this: WebSocket) {
    answered.set(this, true);
  }
  wss.on("connection", (ws) => {
    answered.set(ws, true);
    ws.on("pong", onPong);
  });
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (answered.get(ws) === false) {
        ws.terminate(); // missed the last pong: dead or hopelessly slow
        continue;
      }
      answered.set(ws, false);
      ws.ping();
      beat(ws); // visible to page JavaScript, unlike the ping
    }
  }, intervalMs);
  const stop = () => clearInterval(timer);
  wss.on("close", stop);
  return stop;
  // #endregion
}
// #endregion
