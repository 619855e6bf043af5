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
  /**
   * The same without a release function, for code that keeps one close
   * handler per stream anyway: throws 429 when over the bound; call
   * `close(client)` exactly once when the stream ends.
   */
  acquire(client: string): void;
  close(client: string): void;
  /** Open streams of one client, or of all clients. */
  count(client?: string): number;
  readonly perClient: number;
}

export function createStreamLimit(perClient = DEFAULT_STREAMS_PER_CLIENT): StreamLimit {
  const open = new Map<string, number>();
  let total = 0;
  const take = (client: string): boolean => {
    const count = open.get(client) ?? 0;
    if (count >= perClient) return false;
    open.set(client, count + 1);
    total++;
    return true;
  };
  const give = (client: string): void => {
    total--;
    const left = (open.get(client) ?? 1) - 1;
    if (left === 0) open.delete(client);
    else open.set(client, left);
  };
  const tooMany = () =>
    new HttpError(
      429,
      "too_many_streams",
      `This client already has ${perClient} open streams; close one (another tab?) and try again.`,
      5,
    );
  const limit: StreamLimit = {
    perClient,
    tryOpen(client) {
      if (!take(client)) return undefined;
      let released = false;
      return () => {
        if (released) return; // idempotent: 'close' and an error may both release
        released = true;
        give(client);
      };
    },
    open(client) {
      const release = limit.tryOpen(client);
      if (!release) throw tooMany();
      return release;
    },
    acquire(client) {
      if (!take(client)) throw tooMany();
    },
    close: give,
    count(client) {
      return client === undefined ? total : (open.get(client) ?? 0);
    },
  };
  return limit;
}
