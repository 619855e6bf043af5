// A Redis of our own, for `pnpm dev 07` and the tests that need one: Debian's
// (or Homebrew's) `redis-server`, started as the current user on a free
// loopback port with persistence off, and stopped with the process that
// started it. Nothing is installed or downloaded here.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { freePort, onFreshPorts } from "./free-port.ts";
import { lessonServerText } from "./lesson-server-text.ts";
import { ownedTempDir } from "./owned-temp-dir.ts";
import { tiedToParent } from "./tied-to-parent.ts";

export const HOW_TO_GET_REDIS = lessonServerText("en").noRedis();

/** A lesson's line when its private redis-server failed: how to get one, or why it did not start. */
export const privateRedisFailure = (error: Error, say = lessonServerText()): string =>
  findRedisServer() ? say.redisDidNotStart(error.message) : say.noRedis();

export interface PrivateRedis {
  /** redis://127.0.0.1:<port> */
  url: string;
  /** Stops the server and removes its working folder. */
  stop(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing answers, as in a long GC pause or a stalled VM. */
  pause(): void;
  /** Lets a paused process run again (SIGCONT). */
  resume(): void;
}

/** The `redis-server` on the PATH, if there is one. */
export function findRedisServer(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/**
 * Starts a private Redis; throws HOW_TO_GET_REDIS when there is none to start. `port`: one
 * chosen beforehand (freePort), for a caller that hands the URL out before Redis is up.
 */
export async function startPrivateRedis(
  executable = findRedisServer(),
  { port: chosen }: { port?: number } = {},
): Promise<PrivateRedis> {
  if (!executable) throw new Error(HOW_TO_GET_REDIS);
  // A port the caller chose has been handed out already: it cannot change.
  if (chosen !== undefined) return startOn(executable, chosen);
  return onFreshPorts(async () => startOn(executable, await freePort()));
}

async function startOn(executable: string, port: number): Promise<PrivateRedis> {
  const dir = ownedTempDir("workshop-redis-");
  const child = spawn(
    ...tiedToParent(
      executable,
      // Persistence off: a classroom's jobs expire with their TTL, and nothing is written to disk.
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    ),
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const stopOnExit = () => {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stopOnExit);
  try {
    await ready(child);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => void child.kill("SIGSTOP"),
    resume: () => void child.kill("SIGCONT"),
    async stop() {
      process.off("exit", stopOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGCONT"); // a paused process would hold the SIGTERM until it ran again
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when Redis logs that it accepts connections; rejects if it exits or takes over 10 s. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start within 10 s:\n${log}`)),
      10_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk;
      if (log.includes("Ready to accept connections")) finish();
    };
    const onExit = (code: number | null) => fail(new Error(`redis-server exited (${code}):\n${log}`));
    const finish = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      child.stdout?.resume(); // keep draining its log, or a full pipe would stall it
      child.stderr?.resume();
      resolve();
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      reject(error);
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}
