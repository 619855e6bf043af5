// What one run of one transport records, and what a transport's runner is
// given. Shared by the runners in runs/, the judge, and the page's panes.
import type { SocketLike } from "@workshop/03-websocket/client/reconnecting-socket.ts";

/** What differs between the browser and Node: lesson 05's page passes the browser's own. */
export interface Platform {
  EventSource: typeof globalThis.EventSource;
  createSocket: (url: string) => SocketLike;
  /** The WebSocket URL for a base like "http://127.0.0.1:4000" or "/t/ws". */
  webSocketUrl: (base: string) => string;
}

export interface Arrival {
  /** The token's position, where the transport carries one. */
  seq?: number;
  text: string;
  at: number;
  /**
   * Which network read delivered it, counted from 1: tokens handled in one task (one
   * chunk parsed) share a read. A buffered response arrives in one read, a stream in many.
   */
  read: number;
}

export interface RunRecord {
  arrivals: Arrival[];
  /** How the run ended. */
  outcome: "complete" | "gave up" | "stuck";
  /** New connections or retried requests after the first. */
  reconnects: number;
  /** HTTP requests (or WebSocket handshakes) the client made. */
  requests: number;
}

export interface RunOptions {
  platform: Platform;
  base: string;
  prompt: string;
  /**
   * The run counts as stuck once no token has come for this long (from the start, or
   * from the last token). Measured from what happened, so a slow machine that still makes
   * progress is never called stuck; a client that never notices its fault makes none.
   */
  stuckAfterMs: number;
  /** How often the station's server sends heartbeats; watchdogs derive their deadline from it. */
  heartbeatMs: number;
  /** Called after each token, with the count so far: the scenario injects its fault here. */
  onToken?: (count: number, record: RunRecord) => void;
  /** Lets the caller stop the run early (the page's new question). */
  signal?: AbortSignal;
}

export type Finish = (outcome: RunRecord["outcome"]) => void;
export type Start = (
  record: RunRecord,
  options: RunOptions,
  arrive: (a: Omit<Arrival, "at" | "read">) => void,
  finish: Finish,
) => () => void;
