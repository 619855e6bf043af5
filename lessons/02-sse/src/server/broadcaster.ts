// Fan-out: one message, every connected client. The hard part is the slow
// client: res.write() returning false means its socket buffer is full. We
// queue for it (bounded), flush on 'drain', and drop it if it falls too far
// behind, so one stalled phone cannot make server memory grow without limit.
import type { Response } from "express";

interface Client {
  res: Response;
  /** Messages waiting for 'drain'; empty while the socket keeps up. */
  queue: string[];
  queuedBytes: number;
  congested: boolean;
}

export interface Broadcaster {
  add(res: Response): void;
  send(text: string): void;
  readonly size: number;
  /** Clients dropped for falling behind, since start. */
  readonly dropped: number;
}

// #region broadcaster
export function createBroadcaster({ maxQueuedBytes = 1 << 20, onChange = () => {} } = {}): Broadcaster {
  const clients = new Set<Client>();
  let dropped = 0;

  function write(client: Client, text: string): void {
    if (client.congested) {
      client.queue.push(text);
      client.queuedBytes += Buffer.byteLength(text);
      if (client.queuedBytes > maxQueuedBytes) {
        dropped++;
        client.res.destroy(); // too far behind: cut it loose ('close' removes it)
      }
      return;
    }
    if (!client.res.write(text)) {
      client.congested = true;
      client.res.once("drain", () => flush(client));
    }
  }

  function flush(client: Client): void {
    client.congested = false;
    const pending = client.queue.splice(0);
    client.queuedBytes = 0;
    for (const text of pending) write(client, text);
  }

  return {
    add(res) {
      const client: Client = { res, queue: [], queuedBytes: 0, congested: false };
      clients.add(client);
      res.on("close", () => {
        clients.delete(client);
        onChange();
      });
      onChange();
    },
    send(text) {
      for (const client of clients) write(client, text);
    },
    get size() {
      return clients.size;
    },
    get dropped() {
      return dropped;
    },
  };
}
// #endregion
