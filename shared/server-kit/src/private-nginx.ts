// An nginx of our own, for the lessons that put one in front of their
// servers (07, 09): Debian's (or Homebrew's) nginx, run in the foreground as
// the current user with a config rendered into a temporary folder (no root,
// no system config, no writes outside that folder), stopped with the process
// that started it. Nothing is installed or downloaded here.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lessonServerText } from "./lesson-server-text.ts";
import { ownedTempDir } from "./owned-temp-dir.ts";
import { tiedToParent } from "./tied-to-parent.ts";

export { freePort, onFreshPorts } from "./free-port.ts";

export const HOW_TO_GET_NGINX = lessonServerText("en").noNginx();

export interface PrivateNginx {
  /** The folder holding nginx.conf and nginx's temporary files. */
  prefix: string;
  /** The config nginx is running. */
  config: string;
  stop(): Promise<void>;
}

/** nginx on the PATH, or Debian's /usr/sbin/nginx (not on a normal user's PATH). */
export function findNginx(): string | undefined {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    if (spawnSync(candidate, ["-v"]).status === 0) return candidate;
  }
  return undefined;
}

/** The lines every private nginx config starts with: its files under `prefix`, errors to stderr. */
export function nginxPreamble(prefix: string): string {
  return [
    "worker_processes 1;",
    "error_log stderr warn;",
    `pid ${prefix}/nginx.pid;`,
    "events { worker_connections 1024; }",
  ].join("\n");
}

/** The temp-path lines an `http {}` block needs so nginx writes nothing outside `prefix`. */
export function nginxTempPaths(prefix: string): string {
  return ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((dir) => `  ${dir}_temp_path ${prefix}/${dir};`)
    .join("\n");
}

/**
 * Renders the config with `render(prefix)` and runs nginx; resolves once
 * `readyUrl` answers (nginx logs nothing on a clean start).
 */
export async function startPrivateNginx(
  render: (prefix: string) => string,
  readyUrl: string,
  executable = findNginx(),
): Promise<PrivateNginx> {
  if (!executable) throw new Error(HOW_TO_GET_NGINX);
  const prefix = ownedTempDir("workshop-nginx-");
  for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(prefix, dir));
  const config = render(prefix);
  writeFileSync(join(prefix, "nginx.conf"), config);
  const child = spawn(
    ...tiedToParent(executable, ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"]),
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  // On any exit of ours (an early process.exit too): SIGTERM, nginx's fast shutdown, which
  // stops its workers (a SIGKILLed master leaves them listening), and the folder goes, key and all.
  const stopOnExit = () => {
    child.kill("SIGTERM");
    rmSync(prefix, { recursive: true, force: true });
  };
  process.once("exit", stopOnExit);
  const deadline = performance.now() + 5000;
  while (
    !(await fetch(readyUrl).then(
      () => true,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || performance.now() > deadline) {
      process.off("exit", stopOnExit);
      child.kill("SIGKILL");
      rmSync(prefix, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20)); // polling a port nginx opens in milliseconds
  }
  return {
    prefix,
    config,
    async stop() {
      process.off("exit", stopOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT"); // nginx's graceful shutdown
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
