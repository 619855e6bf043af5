// The HTTP server hands every Upgrade request to us; we decide, before any
// WebSocket exists, whether to accept it. Browsers always send Origin on a
// WebSocket handshake and do NOT apply CORS to it, so without this check any
// site a user visits could open a socket to us with their cookies
// (cross-site WebSocket hijacking).
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocketServer } from "ws";

// #region upgrade
export function acceptUpgrades(
  server: Server,
  wss: WebSocketServer,
  isAllowedOrigin: (origin: string) => boolean,
): void {
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", destroy); // a client vanishing mid-handshake is not a crash
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/ws") return refuse(socket, 404, "Not Found");
    // #region check-origin
    // No Origin: not a browser, so not a hijacking risk; such clients must
    // authenticate like any other API client.
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin)) return refuse(socket, 403, "Forbidden");
    // #endregion
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });
}
// #endregion

// A function of its own, not a closure: a closure here would share this
// handler's scope and keep every connection's request and head buffer alive.
function destroy(this: Duplex): void {
  this.destroy();
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
