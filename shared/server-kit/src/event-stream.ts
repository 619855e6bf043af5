// The server side of Server-Sent Events over an Express response: the headers
// that keep proxies from buffering, a first `retry:`, heartbeats, backpressure,
// and cleanup the moment the client leaves. Events themselves are encoded
// with @workshop/protocol's encodeEvent, never built by hand.
import { encodeComment, encodeRetry } from "@workshop/protocol";
import type { Response } from "express";

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
  res: Response,
  { retryMs, heartbeatMs = 15_000 }: EventStreamOptions = {},
): EventStream {
  res.writeHead(200, EVENT_STREAM_HEADERS);
  res.flushHeaders(); // the browser sees "open" now, not at the first token
  if (retryMs !== undefined) res.write(encodeRetry(retryMs));

  const controller = new AbortController();
  const heartbeat =
    heartbeatMs > 0 ? setInterval(() => res.write(encodeComment("heartbeat")), heartbeatMs) : undefined;
  // 'close' on the response, not the request: it fires when the client goes away.
  res.on("close", () => {
    clearInterval(heartbeat);
    controller.abort();
  });

  return {
    signal: controller.signal,
    async send(text) {
      if (controller.signal.aborted) return false;
      if (!res.write(text)) await drainOrClose(res); // backpressure: never queue unboundedly
      return !controller.signal.aborted;
    },
    end() {
      clearInterval(heartbeat);
      res.end();
    },
  };
}
// #endregion

/** Resolves on 'drain' or 'close', whichever comes first, removing both listeners. */
export function drainOrClose(res: Response): Promise<void> {
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
