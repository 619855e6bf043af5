// `pnpm dev 07` runs Redis and three instance processes under one server process. Killed
// with SIGKILL (no handler of ours runs), it must take them along: left behind, they keep
// their ports, and the next start is refused as busy.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { findRedisServer, HOW_TO_GET_REDIS } from "@workshop/server-kit/private-redis";
import { allGone, childrenOf, getJson, isRunning, listeningPort } from "@workshop/testkit";
import { describe, expect, it, onTestFinished } from "vitest";

const main = fileURLToPath(new URL("../src/server/main.ts", import.meta.url));
const runs = Boolean(findRedisServer()) || process.env.CI === "true";
if (!runs) console.warn(`[redis tests skipped] lesson 07's server process: ${HOW_TO_GET_REDIS}`);

describe.runIf(runs && process.platform === "linux")("lesson 07's server process", () => {
  it("killed with SIGKILL, takes its redis-server and its three instances with it", {
    timeout: 30_000,
  }, async () => {
    const server = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    onTestFinished(() => void server.kill("SIGKILL"));
    const { port } = await listeningPort(server);
    // Every instance up (the first answers at once, the other two follow).
    const url = `http://127.0.0.1:${port}/api/instances`;
    for (;;) {
      const { instances } = await getJson<{ instances: { up: boolean }[] }>(url);
      if (instances.every((instance) => instance.up)) break;
      await new Promise((resolve) => setTimeout(resolve, 100)); // instances starting: no event to await here
    }
    const children = childrenOf(server.pid as number);
    const commands = children.map((child) => child.command).join("\n");
    expect(
      children.filter(({ command }) => command.includes("instance-main")),
      commands,
    ).toHaveLength(3);
    expect(
      children.filter(({ command }) => command.includes("redis-server")),
      commands,
    ).toHaveLength(1);
    const pids = children.map((child) => child.pid);
    onTestFinished(() => {
      for (const pid of pids) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    });

    // Its end is an event here (we are its parent): awaited, not read from /proc, where the
    // server stays, a zombie, until this process reaps it, a moment after its children go.
    const ended = once(server, "exit");
    server.kill("SIGKILL");
    expect(await allGone(pids), "still running after their server was killed").toBe(true);
    expect(await ended, "how the server ended").toEqual([null, "SIGKILL"]);
  });
});
