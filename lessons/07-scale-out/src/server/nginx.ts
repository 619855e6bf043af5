// nginx in front of the instances, for the lesson's nginx.conf: rendered into a
// temporary folder and run as the current user on a free port (server-kit's
// private nginx: no root, no system config), stopped with its process.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort, onFreshPorts, startPrivateNginx } from "@workshop/server-kit/private-nginx";

export { findNginx, HOW_TO_GET_NGINX } from "@workshop/server-kit/private-nginx";

const template = fileURLToPath(new URL("../../nginx.conf", import.meta.url));

export function startNginx(upstreamPorts: number[]): Promise<{ url: string; stop(): Promise<void> }> {
  return onFreshPorts(async () => {
    const listen = await freePort();
    const url = `http://127.0.0.1:${listen}`;
    const nginx = await startPrivateNginx(
      (prefix) =>
        readFileSync(template, "utf8")
          .replaceAll("{{PREFIX}}", prefix)
          .replaceAll("{{LISTEN}}", String(listen))
          .replaceAll(
            "{{UPSTREAMS}}",
            upstreamPorts.map((port) => `    server 127.0.0.1:${port};`).join("\n"),
          ),
      `${url}/api/health`,
    );
    return { url, stop: nginx.stop };
  });
}
