// Where each transport's station is reached from the page: a path prefix on
// lesson 05's server, forwarded to that station's fault proxy.
import type { Transport } from "./transports.ts";

export const STATION_PATHS: Record<Transport, string> = {
  "short polling": "/t/short",
  "long polling": "/t/long",
  SSE: "/t/sse",
  WebSocket: "/t/ws",
  "fetch stream": "/t/chat",
};

/** The page's stations send heartbeats this often (lesson 05's server), slow enough to watch. */
export const CLASSROOM_HEARTBEAT_MS = 2000;

export const FAULTS = ["drop", "restart", "slow", "fragment", "clear"] as const;
export type Fault = (typeof FAULTS)[number];
