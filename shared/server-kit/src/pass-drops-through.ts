// A proxy between the browser and a lesson server must behave like the
// network it stands in for. By default, when the server cuts a streaming
// response mid-way, an http-proxy leaves the browser's side open and silent,
// so EventSource never learns it should reconnect. Cutting the browser's side
// too makes a dropped stream look dropped. Used by the Vite dev proxy and by
// lesson 05's forwarder.
import type { IncomingMessage, ServerResponse } from "node:http";

interface ProxyEvents {
  on(
    event: "proxyRes",
    listener: (upstream: IncomingMessage, req: IncomingMessage, res: ServerResponse) => void,
  ): unknown;
}

export function passDropsThrough(proxy: ProxyEvents): void {
  proxy.on("proxyRes", (upstream, _req, res) => {
    upstream.on("close", () => {
      if (!upstream.complete) res.destroy();
    });
  });
}
