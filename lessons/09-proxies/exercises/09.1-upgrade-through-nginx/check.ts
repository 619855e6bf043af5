import { defineChecks, must } from "@workshop/exercises";
import { connectWebSocket } from "@workshop/testkit";
import { withProxies } from "../with-proxies.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a WebSocket opens through nginx and carries a message both ways":
    "WebSocket 能经 nginx 打开，并双向传递消息",
};

export default defineChecks({
  "a WebSocket opens through nginx and carries a message both ways": (code) =>
    withProxies(code, async (path) => {
      let socket: Awaited<ReturnType<typeof connectWebSocket<{ type: string }>>> | undefined;
      try {
        socket = await connectWebSocket<{ type: string }>(`${path("gzip").replace(/^http/, "ws")}/ws`, {
          headers: { Origin: "http://127.0.0.1:5109" },
        });
      } catch (error) {
        must(false, {
          en: `the WebSocket handshake through nginx failed (${(error as Error).message}): pass Upgrade and Connection on`,
          zh: `经 nginx 的 WebSocket 握手失败（${(error as Error).message}）：要把 Upgrade 和 Connection 传给源站`,
        });
      }
      socket?.send({ type: "chat", text: "hello through nginx" });
      await socket?.waitFor((messages) => messages.some((m) => m.type === "chat"));
      socket?.ws.close();
    }),
});
