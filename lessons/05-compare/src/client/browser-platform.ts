// In the page, each transport uses the browser's own EventSource and WebSocket.
import type { SocketLike } from "@workshop/03-websocket/client/reconnecting-socket.ts";
import type { Platform } from "../matrix/run-transport.ts";

export const browserPlatform: Platform = {
  EventSource,
  createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  webSocketUrl: (base) => `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${base}/ws`,
};
