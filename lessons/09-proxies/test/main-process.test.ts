// `pnpm dev 09` runs a private nginx (a master and its worker) under one server process.
// Killed with SIGKILL (no handler of ours runs), it must take nginx along: left behind, the
// master and worker keep ten ports, and the next start is refused as busy.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { findNginx, HOW_TO_GET_NGINX } from "@workshop/server-kit/private-nginx";
import { allGone, childrenOf, isRunning, listeningPort } from "@workshop/testkit";
import { describe, expect, it, onTestFinished } from "vitest";

const main = fileURLToPath(new URL("../src/server/main.ts", import.meta.url));
const runs = Boolean(findNginx()) || process.env.CI === "true";
if (!runs) console.warn(`[nginx tests skipped] lesson 09's server process: ${HOW_TO_GET_NGINX}`);

describe.runIf(runs && process.platform === "linux")("lesson 09's server process", () => {
  it("killed with SIGKILL, takes its nginx, master and worker, with it", { timeout: 30_000 }, async () => {
    const server = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    onTestFinished(() => void server.kill("SIGKILL"));
    await listeningPort(server);
    const [master] = childrenOf(server.pid as number).filter(({ command }) => command.includes("nginx"));
    expect(master, "nginx's master, started by the server").toBeDefined();
    const nginx = [master?.pid as number, ...childrenOf(master?.pid as number).map((worker) => worker.pid)];
    expect(nginx.length, "a master and its worker").toBe(2);
    onTestFinished(() => {
      for (const pid of nginx) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    });

    server.kill("SIGKILL");
    expect(await allGone(nginx), "nginx still running after its server was killed").toBe(true);
  });
});
