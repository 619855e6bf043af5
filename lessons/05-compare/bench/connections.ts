// Holding many connections: n event streams (raw sockets, as light as a
// client can be) or n WebSockets, opened in batches so the listen backlog
// never overflows; then one broadcast, timed until every client has it.
import { connect, type Socket } from "node:net";
import WebSocket from "ws";

const BATCH = 400;

async function inBatches<T>(n: number, open: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const size = Math.min(BATCH, n - out.length);
    out.push(...(await Promise.all(Array.from({ length: size }, open))));
  }
  return out;
}

interface Listener {
  on(event: string, listener: (data: Buffer) => void): unknown;
  off(event: string, listener: (data: Buffer) => void): unknown;
}

/** Milliseconds from `send()` until every client's `event` carried `marker` once. */
async function timeUntilAllHear(
  clients: Listener[],
  event: string,
  marker: string,
  send: () => unknown,
): Promise<number> {
  let reached = 0;
  const all = new Promise<void>((resolve) => {
    for (const client of clients) {
      const onData = (data: Buffer) => {
        if (!data.includes(marker)) return;
        client.off(event, onData);
        if (++reached === clients.length) resolve();
      };
      client.on(event, onData);
    }
  });
  const sent = performance.now();
  await send();
  await all;
  return performance.now() - sent;
}

export interface Held {
  openMs: number;
  /** Milliseconds from sending one message until all n clients had it. */
  broadcast(): Promise<number>;
  close(): void;
}

/**
 * `ports`: one server, or several instances sharing the notices (lesson 07):
 * the streams are spread over them in turn, and the notice is posted to the first.
 */
export async function holdEventStreams(ports: number | number[], n: number): Promise<Held> {
  const spread = [ports].flat();
  const port = spread[0] as number;
  let turn = 0;
  const started = performance.now();
  const sockets = await inBatches(
    n,
    () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(spread[turn++ % spread.length] as number, "127.0.0.1", () =>
          socket.write("GET /api/notifications HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n"),
        );
        socket.once("data", () => resolve(socket)); // the headers: the stream is open
        socket.once("error", reject);
      }),
  );
  const openMs = performance.now() - started;
  return {
    openMs,
    broadcast: () =>
      timeUntilAllHear(sockets, "data", "notice", () =>
        fetch(`http://127.0.0.1:${port}/api/notifications`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text: "bench" }),
        }),
      ),
    close: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}

export async function holdWebSockets(port: number, n: number): Promise<Held> {
  const url = `ws://127.0.0.1:${port}/ws`;
  const started = performance.now();
  const sockets = await inBatches(
    n,
    () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url, { perMessageDeflate: false });
        ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      }),
  );
  const openMs = performance.now() - started;
  return {
    openMs,
    broadcast: () =>
      timeUntilAllHear(sockets, "message", '"chat"', () =>
        sockets[0]?.send(JSON.stringify({ type: "chat", text: "bench" })),
      ),
    close: () => {
      for (const ws of sockets) ws.terminate();
    },
  };
}
