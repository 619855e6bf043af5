// A WebSocket client for tests (the `ws` package): records every text frame
// as parsed JSON, with `waitFor` to await a condition instead of sleeping.
import WebSocket, { type ClientOptions } from "ws";

export interface WsRecording<M> {
  ws: WebSocket;
  messages: M[];
  send(message: unknown): void;
  waitFor(check: (messages: M[]) => boolean): Promise<void>;
  /** Resolves with the close code and reason, however the connection ends. */
  closed: Promise<{ code: number; reason: string }>;
}

export function connectWebSocket<M = unknown>(
  url: string,
  options: ClientOptions = {},
): Promise<WsRecording<M>> {
  const ws = new WebSocket(url, options);
  const messages: M[] = [];
  const waiters = new Set<{ check: (m: M[]) => boolean; resolve: () => void; reject: (e: Error) => void }>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on("close", (code, reason) => {
      for (const waiter of waiters) waiter.reject(new Error(`closed (${code}) before the condition held`));
      waiters.clear();
      resolve({ code, reason: reason.toString() });
    });
  });
  ws.on("message", (data, isBinary) => {
    if (isBinary) return;
    messages.push(JSON.parse(data.toString()) as M);
    for (const waiter of waiters) {
      if (waiter.check(messages)) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  });
  const recording: WsRecording<M> = {
    ws,
    messages,
    send: (message) => ws.send(typeof message === "string" ? message : JSON.stringify(message)),
    waitFor(check) {
      if (check(messages)) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.add({ check, resolve, reject }));
    },
    closed,
  };
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(recording));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
}
