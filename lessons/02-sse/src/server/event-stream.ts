// The server side of Server-Sent Events over a node:http (or Express) response: the headers
// that keep proxies from buffering, a first `retry:`, heartbeats, backpressure,
// and cleanup the moment the client leaves. Events themselves are encoded
// with @workshop/protocol's encodeEvent, never built by hand.

import type { ServerResponse } from "node:http";
import { encodeComment, encodeRetry } from "@workshop/protocol";

// #region event-stream-headers
export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: compression middleware and proxies must not buffer or rewrite the stream.
  "Cache-Control": "no-cache, no-transform",
  // nginx buffers proxied responses unless told not to.
  "X-Accel-Buffering": "no",
} as const;
// #endregion

export interface EventStreamOptions {
  /** Sent first as `retry:`: how long the browser waits before reconnecting. */
  retryMs?: number;
  /** A comment line this often keeps idle proxies from closing the stream. 0: none. */
  heartbeatMs?: number;
}

export interface EventStream {
  /**
   * Writes wire text. Resolves true once the socket has taken it (waiting for
   * 'drain' when its buffer is full), false if the client is gone.
   */
  send(text: string): Promise<boolean>;
  /** Aborts when the client leaves: stop timers and work tied to this stream. */
  readonly signal: AbortSignal;
  /** Ends the response (the client's EventSource will try to reconnect). */
  end(): void;
}

// #region open-event-stream
export function openEventStream(
  res: ServerResponse,
  { retryMs, heartbeatMs = 15_000 }: EventStreamOptions = {},
): EventStream {
  // #region stream-start
  res.writeHead(200, EVENT_STREAM_HEADERS);
  res.flushHeaders(); // the browser sees "open" now, not at the first token
  if (retryMs !== undefined) res.write(encodeRetry(retryMs));
  // #endregion

  forgetRouting(res);
  const heartbeat = heartbeatMs > 0 ? heartbeats(heartbeatMs) : undefined;
  heartbeat?.add(res);
  // Made on first use: a stream nobody asks for a signal (a notification
  // listener) should not carry one. 10,000 streams, 10,000 controllers.
  let controller: AbortController | undefined;
  let closed = false;
  // 'close' on the response, not the request: it fires when the client goes away.
  // #region stream-close
  res.once("close", () => {
    closed = true;
    heartbeat?.delete(res);
    controller?.abort();
  });
  // #endregion

  return {
    get signal() {
      controller ??= new AbortController();
      if (closed) controller.abort();
      return controller.signal;
    },
    async send(text) {
      if (closed) return false;
      if (!res.write(text)) await drainOrClose(res); // backpressure: never queue unboundedly
      return !closed;
    },
    end() {
      heartbeat?.delete(res);
      res.end();
    },
  };
}
// #endregion

/**
 * Express keeps each request's routing state (the `next` chain, the parsed
 * URL, params, locals) for as long as the request lives. For a stream that
 * lives for hours, across 10,000 clients, that is ~40% of its memory; the
 * stream needs none of it once it is open, so let it go.
 */
function forgetRouting(res: ServerResponse): void {
  if (!("locals" in res)) return; // a plain node:http response: nothing to forget
  const req = res.req as unknown as Record<string, unknown>;
  for (const key of ["next", "_parsedUrl", "_parsedOriginalUrl", "route", "params"]) req[key] = undefined;
  (res as unknown as Record<string, unknown>).locals = undefined;
}

/**
 * One timer per interval for every open stream, not one per stream: a
 * comment line to each keeps idle proxies from closing it. The timer runs
 * only while some stream is open, and never keeps the process alive.
 */
const beating = new Map<number, Set<ServerResponse>>();
function heartbeats(intervalMs: number): Set<ServerResponse> {
  let streams = beating.get(intervalMs);
  if (!streams) {
    const set = new Set<ServerResponse>();
    streams = set;
    beating.set(intervalMs, set);
    const timer = setInterval(() => {
      if (set.size === 0) {
        clearInterval(timer);
        beating.delete(intervalMs);
        return;
      }
      const comment = encodeComment("heartbeat");
      for (const res of set) res.write(comment);
    }, intervalMs).unref();
  }
  return streams;
}

/** Resolves on 'drain' or 'close', whichever comes first, removing both listeners. */
export function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
