// Starts everything between the browser and the origins: the two origins on
// free ports, and one private nginx serving every path. Stops it all too.
import type { AddressInfo } from "node:net";
import type { MockLlmOptions } from "@workshop/mock-llm";
import { freePort, startPrivateNginx } from "@workshop/server-kit/private-nginx";
import type { ProxyPath } from "../protocol.ts";
import { makeCertificate } from "./certificate.ts";
import { renderNginxConfig } from "./nginx-config.ts";
import { createOrigin } from "./origins.ts";
import { PATHS } from "./paths.ts";

export interface Proxies {
  paths: ProxyPath[];
  /** The config nginx runs (what the README's excerpts are checked against). */
  config: string;
  stop(): Promise<void>;
}

async function listen(server: import("node:http").Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

export async function startProxies({ timing }: { timing?: MockLlmOptions["timing"] } = {}): Promise<Proxies> {
  const beating = createOrigin("beating", timing);
  const quiet = createOrigin("quiet", timing);
  const origins = { beating: await listen(beating.server), quiet: await listen(quiet.server) };
  const names = PATHS.flatMap((path) => (path.outer ? [path.name, `${path.name}-inner`] : [path.name]));
  const ports = {
    origins,
    listen: Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()]))),
  };
  const first = PATHS.find((path) => !path.http2) as (typeof PATHS)[number];
  const nginx = await startPrivateNginx(
    (prefix) => renderNginxConfig(prefix, PATHS, ports, makeCertificate(prefix)),
    `http://127.0.0.1:${ports.listen[first.name]}/api/health`,
  );
  const direct: ProxyPath = {
    name: "direct",
    url: `http://127.0.0.1:${origins.beating}`,
    buffering: false,
    http2: false,
    note: "No proxy: lesson 02's and 03's servers themselves.",
  };
  return {
    paths: [
      direct,
      ...PATHS.map((path) => ({
        name: path.name,
        url: `${path.http2 ? "https" : "http"}://127.0.0.1:${ports.listen[path.name]}`,
        buffering: path.buffering,
        http2: path.http2 === true,
        note: path.note,
      })),
    ],
    config: nginx.config,
    async stop() {
      await nginx.stop();
      await Promise.all([beating.shutdown(), quiet.shutdown()]);
    },
  };
}
