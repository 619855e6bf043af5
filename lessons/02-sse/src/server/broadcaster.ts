// Fan-out: one message, every connected client. The hard part is the slow
// client: res.write() returning false means its socket buffer is full. We
// queue for it (bounded), flush on 'drain', and drop it if it falls too far
// behind, so one stalled phone cannot make server memory grow without limit.
import type { ServerResponse } from "node:http";

interface Client {
  res: ServerResponse;
  /** Messages waiting for 'drain'; only allocated once the socket falls behind. */
  queue: string[] | undefined;
  queuedBytes: number;
}

export interface Broadcaster {
  add(res: ServerResponse): void;
  /** To every client. */
  send(text: string): void;
  /** To one client (already added), with the same slow-client rules. */
  sendTo(res: ServerResponse, text: string): void;
  readonly size: number;
  /** Clients dropped for falling behind, since start. */
  readonly dropped: number;
  /** Messages handed to clients, since start: what fan-out costs. */
  readonly writes: number;
}

// #region broadcaster
export function createBroadcaster({ maxQueuedBytes = 1 << 20, onLeave = () => {} } = {}): Broadcaster {
  // #region broadcaster-body
  const clients = new Map<ServerResponse, Client>();
  let dropped = 0;
  let writes = 0;

  function write(client: Client, text: string): void {
    writes++; // counted once, when handed over: flush() below delivers without counting again
    deliver(client, text);
  }

  function deliver(client: Client, text: string): void {
    if (client.queue) {
      client.queue.push(text);
      client.queuedBytes += Buffer.byteLength(text);
      if (client.queuedBytes > maxQueuedBytes) {
        dropped++;
        client.res.destroy(); // too far behind: cut it loose ('close' removes it)
      }
      return;
    }
    if (!client.res.write(text)) {
      client.queue = [];
      client.res.once("drain", () => flush(client));
    }
  }

  function flush(client: Client): void {
    const pending = client.queue ?? [];
    client.queue = undefined;
    client.queuedBytes = 0;
    for (const text of pending) deliver(client, text);
  }

  return {
    add(res) {
      clients.set(res, { res, queue: undefined, queuedBytes: 0 });
      res.once("close", () => {
        clients.delete(res);
        onLeave();
      });
    },
    send(text) {
      for (const client of clients.values()) write(client, text);
    },
    sendTo(res, text) {
      const client = clients.get(res);
      if (client) write(client, text);
    },
    get size() {
      return clients.size;
    },
    get dropped() {
      return dropped;
    },
    get writes() {
      return writes;
    },
  };
  // #endregion
}
// #endregion
