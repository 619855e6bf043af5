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

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "pings every socket once an interval, and sends a heartbeat message the page can see":
    "每个间隔 ping 一次每个 socket，并发送页面能看到的心跳消息",
  "a peer that answers its pings stays connected": "回应 ping 的对端保持连接",
  "a peer that stops answering is terminated within a few intervals":
    "不再回应的对端在几个间隔内被 terminate",
  "one interval for every socket, cleared by stop() and when the server closes":
    "所有 socket 共用一个定时器，stop() 时和服务器关闭时都会清除",
};

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
          {
            en: "no heartbeat messages arrived: every interval, ping each socket and call beat(ws) for it (the page cannot see pings, only messages)",
            zh: "一条心跳消息都没收到：每个间隔都要 ping 每个 socket，并对它调用 beat(ws)（页面看不到 ping，只看得到消息）",
          },
        );
        must(pings >= 3, {
          en: `${pings} pings arrived with 3 heartbeat messages: ping each socket every interval, beside the heartbeat message`,
          zh: `收到 3 条心跳消息的同时只收到 ${pings} 个 ping：除了心跳消息，每个间隔还要 ping 每个 socket`,
        });
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
          {
            en: "a client that answered every ping was disconnected, or no heartbeats arrived: a pong since the last ping means alive",
            zh: "一个回应了每次 ping 的客户端被断开了，或者根本没收到心跳：上次 ping 之后回过 pong，就说明它还活着",
          },
        );
      } finally {
        client.ws.close();
      }
    }),

  "a peer that stops answering is terminated within a few intervals": (code) =>
    withServer(code, { heartbeatMs: BEAT_MS }, async ({ url }) => {
      const silent = await connectWebSocket<ServerMessage>(wsUrl(url), { autoPong: false });
      try {
        const { code } = await within(silent.closed, 20 * BEAT_MS, {
          en: "a client that never answered a ping is still connected: a socket with no pong since the last ping is dead, cut it off",
          zh: "一个从不回应 ping 的客户端仍然连着：上次 ping 之后没回 pong 的 socket 已经死了，把它断掉",
        });
        must(code === 1006, {
          en: `the silent peer was closed with ${code}, not 1006: destroy it with no closing handshake (terminate), since a dead peer never answers one`,
          zh: `不吭声的对端是以 ${code} 关闭的，不是 1006：不经关闭握手直接销毁它（terminate），因为死掉的对端永远不会回应关闭握手`,
        });
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
      must(resourcesAddedSince(before).Timeout === 1, {
        en: "startHeartbeat did not start exactly one timer: one interval serves every socket",
        zh: "startHeartbeat 启动的定时器不是恰好一个：一个 interval 服务所有 socket",
      });
      if (ending === "stop()") stop();
      else await new Promise((closed) => wss.close(closed));
      must(!resourcesAddedSince(before).Timeout, {
        en: `after ${ending}, the heartbeat interval still runs: clear it when stopped, and when the server closes`,
        zh: `${ending} 之后，心跳定时器还在运行：被要求停止时和服务器关闭时都要清除它`,
      });
    }
  },
});
