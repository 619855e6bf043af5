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

export const HEARTBEAT_MS = 300;

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
    corsOrigins: [...pages], // the lesson page reads every path cross-origin
    maxStreamsPerClient: 100, // the seven-streams demo, and every test, come from one address
  });
  const ws = createWebSocketServer({
    heartbeatMs: beating ? HEARTBEAT_MS : 3_600_000,
    isAllowedOrigin: (origin) => pages.has(origin),
    maxSocketsPerClient: 100,
  });
  acceptUpgrades(sse.server, ws.wss, (origin) => pages.has(origin)); // /ws on the same port
  return {
    server: sse.server,
    async shutdown() {
      await ws.shutdown();
      await sse.shutdown();
    },
  };
}
