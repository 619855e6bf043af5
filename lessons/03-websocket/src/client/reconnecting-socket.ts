// The browser's WebSocket never reconnects. This wrapper does: backoff with
// jitter and a cap, a retry count that resets only after the connection has
// stayed up a while, a limit after which it gives up visibly, no reconnect
// after an intentional close (1000), and a watchdog that treats a silent
// server as dead. Socket and timers are injectable so tests can drive it.

import { HEARTBEAT_TIMEOUT } from "../protocol.ts";
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from "./backoff.ts";

/** The part of the WebSocket API this needs; the browser's and `ws`'s both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface CloseInfo {
  code: number;
  reason: string;
}

export type ConnectionState =
  | { status: "connecting"; attempt: number }
  | { status: "open"; attempt: number }
  | { status: "waiting"; attempt: number; delayMs: number; retryAt: number; lastClose: CloseInfo }
  | { status: "gave-up"; attempts: number; lastClose: CloseInfo }
  | { status: "closed"; lastClose: CloseInfo };

export interface ReconnectOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  backoff?: Partial<BackoffOptions>;
  /** Failed attempts in a row before giving up. */
  maxAttempts?: number;
  /** The retry count resets only after a connection has stayed open this long. */
  stableAfterMs?: number;
  /** Nothing received for this long (not even a heartbeat): the server is dead. */
  deadAfterMs?: number;
  random?: () => number;
  now?: () => number;
  onState?: (state: ConnectionState) => void;
  onOpen?: (info: { reconnected: boolean }) => void;
  onMessage?: (text: string) => void;
}

export { HEARTBEAT_TIMEOUT }; // defined with the other close codes, in ../protocol.ts

const OPEN = 1;

export interface ReconnectingSocket {
  /** Sends if open; false otherwise (the caller decides: queue or refuse). */
  send(text: string): boolean;
  /** Intentional close (1000): no reconnect. */
  close(): void;
  readonly state: ConnectionState;
}

export function createReconnectingSocket(options: ReconnectOptions): ReconnectingSocket {
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const {
    url,
    createSocket = (u: string) => new WebSocket(u) as unknown as SocketLike,
    maxAttempts = 8,
    stableAfterMs = 5000,
    deadAfterMs = 25_000,
    random = Math.random,
    now = Date.now,
  } = options;

  let socket: SocketLike | undefined;
  let failures = 0; // consecutive attempts that did not stay up
  let everOpened = false;
  let openedAt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let deadTimer: ReturnType<typeof setTimeout> | undefined;
  let state: ConnectionState = { status: "connecting", attempt: 0 };

  const setState = (next: ConnectionState) => {
    state = next;
    options.onState?.(next);
  };

  // #region watchdog
  function armWatchdog(): void {
    clearTimeout(deadTimer);
    deadTimer = setTimeout(() => {
      // Half-open: no FIN ever came, and close() would wait for a close
      // frame that will never arrive. Abandon the socket and move on.
      const stale = socket;
      detach(stale);
      stale?.close(HEARTBEAT_TIMEOUT, "no message within deadline");
      onLost({ code: HEARTBEAT_TIMEOUT, reason: "no message within deadline" });
    }, deadAfterMs);
  }
  // #endregion

  function detach(old: SocketLike | undefined): void {
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    if (old === socket) socket = undefined;
  }

  function connect(): void {
    setState({ status: "connecting", attempt: failures });
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      openedAt = now();
      const reconnected = everOpened;
      everOpened = true;
      armWatchdog();
      setState({ status: "open", attempt: failures });
      options.onOpen?.({ reconnected });
    };
    current.onmessage = (event) => {
      armWatchdog(); // any message, heartbeats included, proves the server alive
      if (typeof event.data === "string") options.onMessage?.(event.data);
    };
    current.onclose = (event) => {
      detach(current);
      onLost({ code: event.code, reason: event.reason });
    };
  }

  // #region on-lost
  function onLost(lastClose: CloseInfo): void {
    clearTimeout(deadTimer);
    if (lastClose.code === 1000) {
      setState({ status: "closed", lastClose }); // intentional: do not come back
      return;
    }
    // #region reset-after-stable
    // Only a connection that stayed up a while counts as recovered; one that
    // opens and drops at once keeps climbing the backoff.
    if (openedAt > 0 && now() - openedAt >= stableAfterMs) failures = 0;
    // #endregion
    openedAt = 0;
    if (failures >= maxAttempts) {
      setState({ status: "gave-up", attempts: failures, lastClose });
      return;
    }
    const delayMs = backoffDelay(failures, backoff, random);
    failures++;
    setState({ status: "waiting", attempt: failures, delayMs, retryAt: now() + delayMs, lastClose });
    retryTimer = setTimeout(connect, delayMs);
  }
  // #endregion

  connect();
  return {
    send(text) {
      if (!socket || socket.readyState !== OPEN) return false;
      socket.send(text);
      return true;
    },
    close() {
      clearTimeout(retryTimer);
      clearTimeout(deadTimer);
      const current = socket;
      detach(current);
      current?.close(1000, "bye");
      setState({ status: "closed", lastClose: { code: 1000, reason: "closed by you" } });
    },
    get state() {
      return state;
    },
  };
}
