// The origins behind every path: lesson 02's SSE server with lesson 03's
// WebSocket on the same port (both imported, not copied). Two of them, the
// same code with one setting apart: `beating` sends a heartbeat every 300 ms
// on its streams and sockets, `quiet` sends none, to show what an idle
// timeout on the path does to each.
import type { Server } from "node:http";
import { createServer as createSseServer } from "@workshop/02-sse/server/app.ts";
import { createServer as createWebSocketServer } from "@workshop/03-websocket/server/app.ts";
import { acceptUpgrades } from "@workshop/03-websocket/server/upgrade.ts";
import { createMockLlm, type MockLlmOptions } from "@workshop/mock-llm";
import { lessonPageOrigins } from "@workshop/server-kit";

// #region heartbeat-interval
/** Under every idle timeout on the path (here nginx's proxy_read_timeout, 1 s): a stream that speaks is not cut. */
export const HEARTBEAT_MS = 300;
// #endregion
const LOOPBACK_PAGE = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

export interface Origin {
  server: Server;
  shutdown(): Promise<void>;
}

export function createOrigin(
  kind: "beating" | "quiet",
  timing: MockLlmOptions["timing"] = "realistic",
): Origin {
  const pages = lessonPageOrigins("09");
  const beating = kind === "beating";
  const sse = createSseServer({
    llm: createMockLlm({ timing }),
    heartbeatMs: beating ? HEARTBEAT_MS : 0,
    clockMs: beating ? 1000 : 3_600_000, // the quiet origin's clock says nothing for an hour
    // Nor its listener count: a page that joins hears it once, then nothing (announced a second
    // later, it would race nginx's 1 s read timeout and sometimes keep the stream alive).
    presenceIntervalMs: beating ? 1000 : 3_600_000,
    maxStreamsPerClient: 100, // the seven-streams demo, and every test, come from one address
  });
  const ws = createWebSocketServer({
    heartbeatMs: beating ? HEARTBEAT_MS : 3_600_000,
    isAllowedOrigin: (origin) => pages.has(origin),
    maxSocketsPerClient: 100,
  });
  acceptUpgrades(sse.server, ws.wss, (origin) => pages.has(origin)); // /ws on the same port
  // The lesson page reads every path cross-origin (EventSource and fetch, no credentials):
  // set before any route, including lesson 02's plain notification stream. Allowed: the
  // lesson's page origins (ALLOWED_ORIGINS adds a LAN address) and any loopback page (a
  // test's on a free port; over a LAN, a student's own localhost, harmless without
  // credentials); no other site. The answer depends on Origin, so every response says so.
  sse.server.prependListener("request", (req, res) => {
    res.setHeader("Vary", "Origin");
    const origin = req.headers.origin;
    if (origin && (pages.has(origin) || LOOPBACK_PAGE.test(origin)))
      res.setHeader("Access-Control-Allow-Origin", origin);
  });
  return {
    server: sse.server,
    async shutdown() {
      await ws.shutdown();
      await sse.shutdown();
    },
  };
}
