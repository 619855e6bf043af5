// The matrix runs the page code in Node: EventSource from the `eventsource`
// package (it follows the same WHATWG spec), WebSocket from `ws`.
import type { SocketLike } from "@workshop/03-websocket/client/reconnecting-socket.ts";
import { EventSource } from "eventsource";
import WebSocket from "ws";
import type { Platform } from "./run-transport.ts";

export const nodePlatform: Platform = {
  EventSource: EventSource as unknown as typeof globalThis.EventSource,
  createSocket(url) {
    const ws = new WebSocket(url);
    // `ws` is an EventEmitter: an 'error' nobody listens to would throw.
    // (In the browser it is only an event.) Its 'close' follows anyway.
    ws.on("error", () => {});
    return ws as unknown as SocketLike;
  },
  webSocketUrl: (base) => `${base.replace(/^http/, "ws")}/ws`,
};
