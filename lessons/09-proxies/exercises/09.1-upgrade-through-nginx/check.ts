import { defineChecks, must } from "@workshop/exercises";
import { connectWebSocket } from "@workshop/testkit";
import { withProxies } from "../with-proxies.ts";

export default defineChecks({
  "a WebSocket opens through nginx and carries a message both ways": (code) =>
    withProxies(code, async (path) => {
      let socket: Awaited<ReturnType<typeof connectWebSocket<{ type: string }>>> | undefined;
      try {
        socket = await connectWebSocket<{ type: string }>(`${path("gzip").replace(/^http/, "ws")}/ws`, {
          headers: { Origin: "http://127.0.0.1:5109" },
        });
      } catch (error) {
        must(
          false,
          `the WebSocket handshake through nginx failed (${(error as Error).message}): pass Upgrade and Connection on`,
        );
      }
      socket?.send({ type: "chat", text: "hello through nginx" });
      await socket?.waitFor((messages) => messages.some((m) => m.type === "chat"));
      socket?.ws.close();
    }),
});
