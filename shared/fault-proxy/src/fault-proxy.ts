// A TCP proxy on loopback that a test (or lesson 05's page) puts between a
// client and a server, to do what real networks do: cut every connection,
// add delay, deliver bytes in tiny fragments, go silent without a FIN, or
// buffer whole responses like a misconfigured reverse proxy.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface FaultProxy {
  /** e.g. "http://127.0.0.1:41234" */
  url: string;
  port: number;
  /** Where connections are forwarded (change it after a server restart). */
  setTarget(port: number): void;
  /** Destroys every open connection, both sides: a network drop (no FIN reaches anyone in time). */
  cutAll(): void;
  /** Forward each chunk this many ms late. */
  delay(ms: number): void;
  /** Deliver server → client bytes in pieces of n bytes (0: as they come). */
  fragment(bytes: number): void;
  /** Stop forwarding in both directions but keep the sockets open: silence, no FIN. */
  stall(on: boolean): void;
  /** Silence only the connections open now, for good (half-open); new connections work. */
  freezeOpen(): void;
  /** Hold each HTTP response until it is complete, then deliver it whole (like proxy buffering). */
  bufferResponses(on: boolean): void;
  /**
   * Answer new connections with this raw HTTP response instead of forwarding (undefined: forward).
   * With `forMs`, only for that long, counted from the first connection it answers: the fault
   * then lasts as long on a busy machine as on a quiet one, however late a client reconnects.
   */
  answerNew(rawResponse: string | undefined, forMs?: number): void;
  /** Back to a transparent proxy (open connections stay open). */
  reset(): void;
  /** Bytes forwarded so far: up = client → server, down = server → client. */
  readonly bytes: { up: number; down: number };
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  let target = targetPort;
  let delayMs = 0;
  let fragmentBytes = 0;
  let stalled = false;
  let buffering = false;
  let canned: string | undefined;
  let cannedForMs: number | undefined;
  let cannedTimer: ReturnType<typeof setTimeout> | undefined;
  const stopAnswering = () => {
    clearTimeout(cannedTimer);
    [canned, cannedForMs, cannedTimer] = [undefined, undefined, undefined];
  };
  const bytes = { up: 0, down: 0 };
  let connections = 0;
  const open = new Set<Socket>();
  const resumers = new Set<() => void>();
  const frozenSockets = new WeakSet<Socket>();

  function relay(from: Socket, to: Socket, direction: "up" | "down"): void {
    let chain = Promise.resolve();
    let held = Buffer.alloc(0); // for bufferResponses
    let passThrough = false; // after a 101 (WebSocket), never buffer
    const write = (data: Buffer) => {
      chain = chain.then(async () => {
        while (stalled || frozenSockets.has(from))
          await new Promise<void>((resolve) => resumers.add(resolve));
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const size = direction === "down" && fragmentBytes > 0 ? fragmentBytes : data.length;
        for (let i = 0; i < data.length; i += size) {
          if (to.destroyed) return;
          to.write(data.subarray(i, i + size));
          bytes[direction] += Math.min(size, data.length - i);
          if (size < data.length) await new Promise((resolve) => setImmediate(resolve)); // separate TCP segments
        }
      });
    };
    from.on("data", (data: Buffer) => {
      if (direction === "down" && buffering && !passThrough) {
        held = Buffer.concat([held, data]);
        const complete = completeResponseLength(held);
        if (complete === "upgrade") passThrough = true;
        if (complete === "upgrade" || complete > 0) {
          const cut = complete === "upgrade" ? held.length : complete;
          write(held.subarray(0, cut));
          held = held.subarray(cut);
        }
        return;
      }
      write(data);
    });
    from.on("end", () => {
      if (held.length > 0) write(held);
      chain = chain.then(() => {
        to.end();
      });
    });
    // A peer that closes (a server ending a `Connection: close` answer, or its idle
    // keep-alive timer) has already sent what it sent: deliver what is queued first, as
    // a network would. Destroying at once cut a 1-byte-fragmented answer short on a
    // slow machine, where the queue lags behind the server.
    from.on("close", () => {
      chain = chain.then(() => {
        to.destroy();
      });
    });
  }

  const server: Server = createServer((client) => {
    connections++;
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    if (canned !== undefined) {
      client.end(canned);
      if (cannedForMs !== undefined) cannedTimer ??= setTimeout(stopAnswering, cannedForMs);
      return;
    }
    const upstream = connect(target, "127.0.0.1");
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => upstream.destroy());
    relay(client, upstream, "up");
    relay(upstream, client, "down");
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = (server.address() as { port: number }).port;
  const unstall = () => {
    stalled = false;
    for (const resume of resumers) resume();
    resumers.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setTarget: (p) => {
      target = p;
    },
    cutAll() {
      for (const socket of open) socket.destroy();
    },
    delay: (ms) => {
      delayMs = ms;
    },
    fragment: (n) => {
      fragmentBytes = n;
    },
    stall(on) {
      if (on) stalled = true;
      else unstall();
    },
    freezeOpen() {
      for (const socket of open) frozenSockets.add(socket);
    },
    bufferResponses: (on) => {
      buffering = on;
    },
    answerNew: (raw, forMs) => {
      stopAnswering();
      [canned, cannedForMs] = [raw, forMs];
    },
    reset() {
      delayMs = 0;
      fragmentBytes = 0;
      buffering = false;
      stopAnswering();
      unstall();
    },
    bytes,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        unstall();
        stopAnswering();
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * How many bytes at the start of `data` form one complete HTTP response
 * (0: not complete yet), or "upgrade" for a 101 (a WebSocket from here on).
 * Understands Content-Length and chunked bodies, which is all our servers send.
 */
function completeResponseLength(data: Buffer): number | "upgrade" {
  const headEnd = data.indexOf("\r\n\r\n");
  if (headEnd === -1) return 0;
  const head = data.subarray(0, headEnd).toString("latin1");
  if (/^HTTP\/1\.1 101 /.test(head)) return "upgrade";
  const bodyStart = headEnd + 4;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
  if (length !== undefined) return data.length >= bodyStart + Number(length) ? bodyStart + Number(length) : 0;
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const end = data.indexOf("\r\n0\r\n\r\n", bodyStart - 2);
    return end === -1 ? 0 : end + 7;
  }
  return /^HTTP\/1\.1 (204|304) /.test(head) ? bodyStart : 0;
}
