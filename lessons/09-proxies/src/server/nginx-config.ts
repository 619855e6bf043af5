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

const location = (to: number, directives: string[]) =>
  [
    "    location / {",
    ...[`proxy_pass http://127.0.0.1:${to};`, ...SHARED, ...directives].map((d) => `      ${d}`),
    "    }",
  ].join("\n");

function server(port: number, to: number, directives: string[], tls?: { cert: string; key: string }): string {
  const listen = tls ? `listen 127.0.0.1:${port} ssl http2;` : `listen 127.0.0.1:${port};`;
  const certificate = tls ? [`    ssl_certificate ${tls.cert};`, `    ssl_certificate_key ${tls.key};`] : [];
  return ["  server {", `    ${listen}`, ...certificate, location(to, directives), "  }"].join("\n");
}

/** The directives of one path, as they appear in the config (the README's excerpts). */
export function excerpt(path: PathSpec): string {
  const to = (upstream: string, directives: string[]) =>
    location(0, directives).replace("http://127.0.0.1:0", `http://${upstream}`);
  if (path.http2)
    return server(0, 0, path.directives, { cert: "localhost.crt", key: "localhost.key" })
      .replace("127.0.0.1:0 ssl", "127.0.0.1:PORT ssl")
      .replace("http://127.0.0.1:0", "http://origin");
  if (!path.outer) return to("origin", path.directives);
  return `# the inner nginx\n${to("origin", path.directives)}\n# the outer nginx, in front of it\n${to("inner", path.outer)}`;
}

export function renderNginxConfig(
  prefix: string,
  paths: PathSpec[],
  ports: Ports,
  tls: { cert: string; key: string },
): string {
  const servers = paths.flatMap((path) => {
    const origin = ports.origins[path.origin];
    const port = ports.listen[path.name] as number;
    if (!path.outer) return [server(port, origin, path.directives, path.http2 ? tls : undefined)];
    const inner = ports.listen[`${path.name}-inner`] as number;
    return [server(inner, origin, path.directives), server(port, inner, path.outer)];
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
