// Starts everything between the browser and the origins: the two origins and
// one private nginx serving every path, on `host` (127.0.0.1 unless HOST says
// otherwise, as in every lesson). Stops it all too.
import { type AddressInfo, isIPv6 } from "node:net";
import type { MockLlmOptions } from "@workshop/mock-llm";
import { freePort, onFreshPorts, startPrivateNginx } from "@workshop/server-kit/private-nginx";
import type { ProxyPath } from "../protocol.ts";
import { certificateCache, certificateIn } from "./certificate.ts";
import { renderNginxConfig } from "./nginx-config.ts";
import { createOrigin } from "./origins.ts";
import { PATHS } from "./paths.ts";

export interface Proxies {
  paths: ProxyPath[];
  /** The config nginx runs (what the README's excerpts are checked against). */
  config: string;
  /** The http2 path's certificate was made for this start: a browser must accept it again. */
  newCertificate: boolean;
  stop(): Promise<void>;
}

export interface ProxiesOptions {
  timing?: MockLlmOptions["timing"];
  /** Where everything listens: 127.0.0.1, or the HOST a class reaches over the room's network. */
  host?: string;
  /** The first of the ports to keep across restarts (`pnpm dev 09`: 3901 on); 0: any free ones (tests). */
  firstPort?: number;
  /** Where the HTTP/2 path's certificate is kept (certificate.ts). */
  certificates?: string;
}

/** Listens on `prefer` when it is free, else on any free port (0). */
async function listen(server: import("node:http").Server, host: string, prefer: number): Promise<number> {
  const attempt = (port: number) =>
    new Promise<boolean>((resolve, reject) => {
      const failed = (error: NodeJS.ErrnoException) =>
        error.code === "EADDRINUSE" && port !== 0 ? resolve(false) : reject(error);
      server.once("error", failed);
      server.listen(port, host, () => {
        server.off("error", failed);
        resolve(true);
      });
    });
  if (!(prefer && (await attempt(prefer)))) await attempt(0);
  return (server.address() as AddressInfo).port;
}

export async function startProxies({
  timing,
  host = "127.0.0.1",
  firstPort = 0,
  certificates = certificateCache(),
}: ProxiesOptions = {}): Promise<Proxies> {
  if (isIPv6(host))
    throw new Error(`lesson 09 listens on an IPv4 address: HOST=${host} is IPv6 (use 0.0.0.0)`);
  const at = (offset: number) => (firstPort ? firstPort + offset : 0);
  const beating = createOrigin("beating", timing);
  const quiet = createOrigin("quiet", timing);
  const origins = {
    beating: await listen(beating.server, host, at(0)),
    quiet: await listen(quiet.server, host, at(1)),
  };
  const names = PATHS.flatMap((path) => (path.outer ? [path.name, `${path.name}-inner`] : [path.name]));
  // nginx reaches the origins, and a health check reaches nginx, where they listen
  // (on 127.0.0.1 when they listen on every address).
  const reach = host === "0.0.0.0" ? "127.0.0.1" : host;
  const first = PATHS.find((path) => !path.http2) as (typeof PATHS)[number];
  let newCertificate = false;
  const { ports, nginx } = await onFreshPorts(async () => {
    const listenOn = await Promise.all(
      names.map(async (n, i) => [n, await freePort({ prefer: at(10 + i), host })]),
    );
    const ports = { origins, listen: Object.fromEntries(listenOn) };
    const nginx = await startPrivateNginx((prefix) => {
      const certificate = certificateIn(prefix, { cache: certificates });
      newCertificate = certificate.made;
      return renderNginxConfig(prefix, PATHS, ports, certificate, { host, reach });
    }, `http://${reach}:${ports.listen[first.name]}/api/health`);
    return { ports, nginx };
  });
  const direct: ProxyPath = {
    name: "direct",
    url: `http://${reach}:${origins.beating}`,
    buffering: false,
    http2: false,
    note: "No proxy: lesson 02's and 03's servers themselves.",
  };
  return {
    paths: [
      direct,
      ...PATHS.map((path) => ({
        name: path.name,
        url: `${path.http2 ? "https" : "http"}://${reach}:${ports.listen[path.name]}`,
        buffering: path.buffering,
        http2: path.http2 === true,
        note: path.note,
      })),
    ],
    config: nginx.config,
    newCertificate,
    async stop() {
      await nginx.stop();
      await Promise.all([beating.shutdown(), quiet.shutdown()]);
    },
  };
}
