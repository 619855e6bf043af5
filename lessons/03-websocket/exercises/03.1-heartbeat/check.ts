import { defineChecks, must, within } from "@workshop/exercises";
import { activeResources, connectWebSocket, resourcesAddedSince } from "@workshop/testkit";
import { WebSocketServer } from "ws";
import type { ServerMessage } from "../../src/protocol.ts";
import type * as Heartbeat from "../../src/server/heartbeat.ts";
import { withServer } from "../with-server.ts";

// 250 ms: a pong must come back within one interval, and a busy machine can stall a process for a
// good part of that (at 100 ms a healthy peer was once cut). The waits below are multiples of it.
const BEAT_MS = 250;
const wsUrl = (url: string) => `${url.replace(/^http/, "ws")}/ws`;

export default defineChecks({
  "pings every socket once an interval, and sends a heartbeat message the page can see": (code) =>
    withServer(code, { heartbeatMs: BEAT_MS }, async ({ url }) => {
      const client = await connectWebSocket<ServerMessage>(wsUrl(url));
      let pings = 0;
      client.ws.on("ping", () => pings++);
      try {
        await within(
          client.waitFor((messages) => messages.filter((m) => m.type === "heartbeat").length >= 3),
          15 * BEAT_MS,
          "no heartbeat messages arrived: every interval, ping each socket and call beat(ws) for it (the page cannot see pings, only messages)",
        );
        must(
          pings >= 3,
          `${pings} pings arrived with 3 heartbeat messages: ping each socket every interval, beside the heartbeat message`,
        );
      } finally {
        client.ws.close();
      }
    }),

  "a peer that answers its pings stays connected": (code) =>
    withServer(code, { heartbeatMs: BEAT_MS }, async ({ url }) => {
      const client = await connectWebSocket<ServerMessage>(wsUrl(url));
      try {
        await within(
          client.waitFor((messages) => messages.filter((m) => m.type === "heartbeat").length >= 6),
          20 * BEAT_MS,
          "a client that answered every ping was disconnected, or no heartbeats arrived: a pong since the last ping means alive",
        );
      } finally {
        client.ws.close();
      }
    }),

  "a peer that stops answering is terminated within a few intervals": (code) =>
    withServer(code, { heartbeatMs: BEAT_MS }, async ({ url }) => {
      const silent = await connectWebSocket<ServerMessage>(wsUrl(url), { autoPong: false });
      try {
        const { code } = await within(
          silent.closed,
          20 * BEAT_MS,
          "a client that never answered a ping is still connected: a socket with no pong since the last ping is dead, cut it off",
        );
        must(
          code === 1006,
          `the silent peer was closed with ${code}, not 1006: destroy it with no closing handshake (terminate), since a dead peer never answers one`,
        );
      } finally {
        silent.ws.terminate();
      }
    }),

  "one interval for every socket, cleared by stop() and when the server closes": async (code) => {
    const { startHeartbeat } = await code.load<typeof Heartbeat>("src/server/heartbeat.ts");
    for (const ending of ["stop()", "wss.close()"] as const) {
      const wss = new WebSocketServer({ noServer: true });
      const before = activeResources();
      const stop = startHeartbeat(wss, BEAT_MS, () => {});
      must(
        resourcesAddedSince(before).Timeout === 1,
        "startHeartbeat did not start exactly one timer: one interval serves every socket",
      );
      if (ending === "stop()") stop();
      else await new Promise((closed) => wss.close(closed));
      must(
        !resourcesAddedSince(before).Timeout,
        `after ${ending}, the heartbeat interval still runs: clear it when stopped, and when the server closes`,
      );
    }
  },
});
