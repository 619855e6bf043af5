// nginx in front of the instances, for the lesson's nginx.conf: rendered into a
// temporary folder and run in the foreground as the current user on a free
// port (no root, no system config), stopped with its process.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const HOW_TO_GET_NGINX =
  "no nginx found: install it (Debian/Ubuntu: `sudo apt-get install nginx`, macOS: `brew install nginx`)";

const template = fileURLToPath(new URL("../../nginx.conf", import.meta.url));

export function findNginx(): string | undefined {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    if (spawnSync(candidate, ["-v"]).status === 0) return candidate;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startNginx(
  upstreamPorts: number[],
  executable = findNginx(),
): Promise<{ url: string; stop(): Promise<void> }> {
  if (!executable) throw new Error(HOW_TO_GET_NGINX);
  const prefix = mkdtempSync(join(tmpdir(), "workshop-nginx-"));
  for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(prefix, dir));
  const listen = await freePort();
  const config = readFileSync(template, "utf8")
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{LISTEN}}", String(listen))
    .replaceAll("{{UPSTREAMS}}", upstreamPorts.map((port) => `    server 127.0.0.1:${port};`).join("\n"));
  writeFileSync(join(prefix, "nginx.conf"), config);
  const child = spawn(executable, ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const stopOnExit = () => child.kill("SIGKILL");
  process.once("exit", stopOnExit);
  const url = `http://127.0.0.1:${listen}`;
  // Ready when it answers (nginx logs nothing on a clean start): poll the port, it is a few ms.
  const deadline = performance.now() + 5000;
  while (
    !(await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || performance.now() > deadline)
      throw new Error(`nginx did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url,
    async stop() {
      process.off("exit", stopOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT"); // graceful shutdown for nginx
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
