// proxy_read_timeout shortened to 1 s: a stream or a socket that says nothing
// for longer is cut by nginx; heartbeats under the timeout keep it alive.
// Judged by order: the quiet one is cut while the beating one, opened at the
// same moment, is still open and still delivers.
import type { ServerMessage } from "@workshop/03-websocket/protocol";
import { connectSse, connectWebSocket, postJson } from "@workshop/testkit";
import { expect, it } from "vitest";
import { describeWithProxies, PAGE_ORIGIN } from "./with-proxies.ts";

describeWithProxies("idle timeouts between the origin and the browser", (_proxies, path) => {
  it("an event stream with no heartbeat is cut by the proxy's read timeout; one with heartbeats lives on", async () => {
    const quiet = await connectSse(`${path("idle-quiet").url}/api/notifications`);
    const beating = await connectSse(`${path("idle-heartbeat").url}/api/notifications`);
    await quiet.ended; // cut by nginx: the quiet origin had nothing to say for 1 s
    expect(quiet.events.map((e) => e.type)).toEqual(["presence"]); // the count on joining, then silence
    expect(beating.comments.length).toBeGreaterThan(0); // heartbeats got through meanwhile
    const heard = beating.comments.length;
    await beating.waitFor((r) => r.comments.length > heard); // and it is still open
    beating.abort();
    // EventSource would now reconnect by itself (lesson 02); the cut costs a reconnect, every second.
  });

  it("a WebSocket whose server pings under the timeout lives; a quiet one is closed by the proxy", async () => {
    const open = (name: string) =>
      connectWebSocket<ServerMessage>(`${path(name).url.replace(/^http/, "ws")}/ws`, {
        headers: { Origin: PAGE_ORIGIN },
      });
    const [quiet, beating] = await Promise.all([open("idle-quiet"), open("idle-heartbeat")]);
    const closed = await quiet.closed;
    expect(closed.code).toBe(1006); // no close frame: the proxy just closed the connection
    const beats = beating.messages.filter((m) => m.type === "heartbeat").length;
    expect(beats).toBeGreaterThan(0);
    beating.send({ type: "chat", text: "still here?" }); // and it still carries messages both ways
    await beating.waitFor((messages) => messages.some((m) => m.type === "chat"));
    beating.ws.close();
  });

  it("WebSocket upgrades pass through nginx (Upgrade and Connection headers set for every path)", async () => {
    const socket = await connectWebSocket<ServerMessage>(`${path("gzip").url.replace(/^http/, "ws")}/ws`, {
      headers: { Origin: PAGE_ORIGIN },
    });
    const response = await postJson(`${path("gzip").url}/api/notifications`, { text: "through nginx" });
    expect(response.status).toBe(202);
    socket.send({ type: "chat", text: "hello" });
    await socket.waitFor((messages) => messages.some((m) => m.type === "chat"));
    socket.ws.close();
  });
});
