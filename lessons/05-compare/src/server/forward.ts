// Forwards /t/<transport>/… (HTTP and WebSocket) to that transport's station,
// before Express parses any body. A station that cuts a response mid-way has
// the browser's side cut too, like a real network drop.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { passDropsThrough } from "@workshop/server-kit/pass-drops-through";
import { createProxyServer } from "http-proxy-3";
import type { Station } from "../matrix/fixture.ts";
import { STATION_PATHS } from "../matrix/stations.ts";
import { TRANSPORTS, type Transport } from "../matrix/transports.ts";

export function createForwarder(stations: Map<Transport, Station>) {
  const proxy = createProxyServer({});
  const upgraded = new Set<Duplex>();
  passDropsThrough(proxy);
  proxy.on("error", (_error, _req, res) => {
    if ("writeHead" in res && !res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });

  /** The station for a URL under /t/, and the URL as the station sees it. */
  function route(url = ""): { target: string; path: string } | undefined {
    const transport = TRANSPORTS.find((t) => url.startsWith(`${STATION_PATHS[t]}/`));
    const station = transport && stations.get(transport);
    return (
      station && { target: station.proxy.url, path: url.slice(STATION_PATHS[transport as Transport].length) }
    );
  }

  return {
    /** true if it handled the request. */
    web(req: IncomingMessage, res: ServerResponse): boolean {
      const found = route(req.url);
      if (!found) return false;
      req.url = found.path;
      proxy.web(req, res, { target: found.target });
      return true;
    },
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      upgraded.add(socket);
      socket.once("close", () => upgraded.delete(socket));
      const found = route(req.url);
      if (!found) return void socket.destroy();
      req.url = found.path;
      proxy.ws(req, socket as never, head, { target: found.target });
    },
    /**
     * Cuts every forwarded WebSocket. The HTTP server's closeAllConnections() does not see
     * upgraded sockets, and one whose far side never hangs up would keep server.close() waiting.
     */
    closeUpgraded(): void {
      for (const socket of upgraded) socket.destroy();
    },
  };
}
