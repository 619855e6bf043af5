// Renders lesson 09's nginx.conf: one `server` per path, each on its own
// port, all in one nginx run as the current user (server-kit's private nginx).
import { nginxPreamble, nginxTempPaths } from "@workshop/server-kit/private-nginx";
import type { PathSpec } from "./paths.ts";

export interface Ports {
  /** Each path's port; a two-layer path's inner nginx listens on `${name}-inner`. */
  listen: Record<string, number>;
  origins: Record<PathSpec["origin"], number>;
}

// #region shared-lines
/** What every path has: HTTP/1.1 to the origin (chunked streaming, keep-alive) and WebSocket upgrades. */
const SHARED = [
  "proxy_http_version 1.1;",
  "proxy_set_header Upgrade $http_upgrade;",
  "proxy_set_header Connection $connection_upgrade;",
];
// #endregion

/** What the README's excerpts show instead: the README lists the shared lines once, above them. */
const ALSO_SHARED = "# + the three lines every path has";

/** `shared`: false in the README's excerpts. */
const location = (upstream: string, directives: string[], shared = true) =>
  [
    "    location / {",
    ...[`proxy_pass http://${upstream};`, ...(shared ? SHARED : [ALSO_SHARED]), ...directives].map(
      (d) => `      ${d}`,
    ),
    "    }",
  ].join("\n");

function server(
  listenOn: string,
  upstream: string,
  directives: string[],
  tls?: { cert: string; key: string },
  shared = true,
): string {
  const listen = tls ? `listen ${listenOn} ssl http2;` : `listen ${listenOn};`;
  const certificate = tls ? [`    ssl_certificate ${tls.cert};`, `    ssl_certificate_key ${tls.key};`] : [];
  return ["  server {", `    ${listen}`, ...certificate, location(upstream, directives, shared), "  }"].join(
    "\n",
  );
}

/** The directives of one path, as they appear in the config (the README's excerpts): names, not ports. */
export function excerpt(path: PathSpec): string {
  if (path.http2) {
    const tls = { cert: "localhost.crt", key: "localhost.key" };
    return server("127.0.0.1:PORT", "origin", path.directives, tls, false);
  }
  const at = (upstream: string, directives: string[]) => location(upstream, directives, false);
  if (!path.outer) return at("origin", path.directives);
  return `# the inner nginx\n${at("origin", path.directives)}\n# the outer nginx, in front of it\n${at("inner", path.outer)}`;
}

export function renderNginxConfig(
  prefix: string,
  paths: PathSpec[],
  ports: Ports,
  tls: { cert: string; key: string },
  /** `host`: where each path listens; `reach`: the address its upstream answers on. */
  { host = "127.0.0.1", reach = host }: { host?: string; reach?: string } = {},
): string {
  const on = (port: number) => `${host}:${port}`;
  const local = (port: number) => `${reach}:${port}`;
  const servers = paths.flatMap((path) => {
    const origin = ports.origins[path.origin];
    const port = ports.listen[path.name] as number;
    if (!path.outer) return [server(on(port), local(origin), path.directives, path.http2 ? tls : undefined)];
    const inner = ports.listen[`${path.name}-inner`] as number;
    return [
      server(local(inner), local(origin), path.directives), // the inner layer: nginx's own client only
      server(on(port), local(inner), path.outer),
    ];
  });
  return [
    nginxPreamble(prefix),
    "http {",
    "  access_log off;",
    nginxTempPaths(prefix),
    "  # WebSocket: pass Upgrade on; for everything else, keep the connection to the origin alive.",
    '  map $http_upgrade $connection_upgrade { default upgrade; "" ""; }',
    ...servers,
    "}",
    "",
  ].join("\n");
}
