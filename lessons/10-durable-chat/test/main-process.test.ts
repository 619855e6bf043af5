// `pnpm dev 10 --redis` keeps runs in a private redis-server the lesson starts as the
// current user. Killed with SIGKILL (no handler of ours runs), the server takes it along.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { findRedisServer, HOW_TO_GET_REDIS } from "@workshop/server-kit/private-redis";
import { allGone, childrenOf, getJson, isRunning, listeningPort } from "@workshop/testkit";
import { describe, expect, it, onTestFinished } from "vitest";

const main = fileURLToPath(new URL("../src/server/main.ts", import.meta.url));
const runs = Boolean(findRedisServer()) || process.env.CI === "true";
if (!runs) console.warn(`[redis tests skipped] lesson 10's server process: ${HOW_TO_GET_REDIS}`);

describe.runIf(runs && process.platform === "linux")("lesson 10's server process with --redis", () => {
  it("says where runs are kept, answers, and killed with SIGKILL takes its redis-server with it", async () => {
    const server = spawn(process.execPath, ["--import", "tsx", main, "--redis"], {
      env: { ...process.env, PORT: "0", REDIS_URL: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    onTestFinished(() => void server.kill("SIGKILL"));
    const { port, log } = await listeningPort(server);
    expect(log).toMatch(/runs kept in Redis at redis:\/\/127\.0\.0\.1:\d+/);
    expect(await getJson(`http://127.0.0.1:${port}/api/health`)).toMatchObject({ ok: true });
    const redis = childrenOf(server.pid as number).filter(({ command }) => command.includes("redis-server"));
    expect(redis).toHaveLength(1);
    const pids = redis.map((child) => child.pid);
    onTestFinished(() => {
      for (const pid of pids) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    });
    server.kill("SIGKILL");
    expect(await allGone(pids), "redis-server still running after its server was killed").toBe(true);
  });
});
