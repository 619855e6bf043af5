// The paths the page reads, from GET /api/proxies. The server names them on the
// address it reaches them on (127.0.0.1 by default); the page asks each on the host
// it was itself opened from, so the
// same lesson works on a laptop (127.0.0.1) and for a class reaching the
// instructor's machine over the room's network (HOST=0.0.0.0, README "On a LAN").
import type { ProxyList, ProxyPath } from "../protocol.ts";

/** `url` with its host replaced: the port and scheme stay. */
export function onHost(url: string, hostname: string): string {
  const moved = new URL(url);
  moved.hostname = hostname;
  return moved.origin;
}

export async function loadPaths(hostname = location.hostname): Promise<ProxyPath[]> {
  const { paths } = (await (await fetch("/api/proxies")).json()) as ProxyList;
  return paths.map((path) => ({ ...path, url: onHost(path.url, hostname) }));
}
