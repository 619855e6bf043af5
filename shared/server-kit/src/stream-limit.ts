// A bound on long-lived connections (event streams, WebSockets, held long
// polls, chat streams) per client address. Without it, one client can hold
// thousands of sockets until the process runs out of file descriptors and
// stops answering everyone. Over the bound: SSE and HTTP get 429, a
// WebSocket is closed with 1013 "try again later".
import { HttpError } from "./errors.ts";

export const DEFAULT_STREAMS_PER_CLIENT = Number(process.env.MAX_STREAMS_PER_CLIENT) || 32;

export interface StreamLimit {
  /** Counts one more stream for `client`; the release function, or undefined when over the bound. */
  tryOpen(client: string): (() => void) | undefined;
  /** Like tryOpen, but throws a 429 HttpError with Retry-After when over the bound. */
  open(client: string): () => void;
  /** Open streams of one client, or of all clients. */
  count(client?: string): number;
  readonly perClient: number;
}

export function createStreamLimit(perClient = DEFAULT_STREAMS_PER_CLIENT): StreamLimit {
  const open = new Map<string, number>();
  let total = 0;
  const limit: StreamLimit = {
    perClient,
    tryOpen(client) {
      const count = open.get(client) ?? 0;
      if (count >= perClient) return undefined;
      open.set(client, count + 1);
      total++;
      let released = false;
      return () => {
        if (released) return; // idempotent: 'close' and an error may both release
        released = true;
        total--;
        const left = (open.get(client) ?? 1) - 1;
        if (left === 0) open.delete(client);
        else open.set(client, left);
      };
    },
    open(client) {
      const release = limit.tryOpen(client);
      if (!release) {
        throw new HttpError(
          429,
          "too_many_streams",
          `This client already has ${perClient} open streams; close one (another tab?) and try again.`,
          5,
        );
      }
      return release;
    },
    count(client) {
      return client === undefined ? total : (open.get(client) ?? 0);
    },
  };
  return limit;
}
