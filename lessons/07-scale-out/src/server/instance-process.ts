// Starting and killing an instance process. Kill is SIGKILL on purpose: no
// goodbye, no `done` written, sockets cut: what a crashed machine does.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { nodeArgsFor } from "@workshop/server-kit/node-entry";
import { tiedToParent } from "@workshop/server-kit/tied-to-parent";

const main = fileURLToPath(new URL("./instance-main.ts", import.meta.url));

export interface InstanceProcess {
  name: string;
  port: number;
  readonly up: boolean;
  kill(): Promise<void>;
  /** Graceful stop (SIGTERM), for shutting the lesson down. */
  stop(): Promise<void>;
}

/** `env`: more for the instance, e.g. TOKEN_DELAY_MS and LEASE_MS (see instance-main.ts). */
export async function startInstanceProcess(
  name: string,
  port: number,
  redisUrl: string,
  env: Record<string, string> = {},
): Promise<InstanceProcess> {
  // As `node --import tsx instance-main.ts`, but built first into one .mjs, so each of the
  // three processes skips loading the TypeScript loader (see node-entry.ts).
  const nodeArgs = await nodeArgsFor(main).catch((error: Error) => {
    throw new Error(`instance ${name}: cannot build instance-main.ts:\n${error.message}`);
  });
  // Tied to this process: on Linux the kernel sends it SIGTERM if we die, even by SIGKILL.
  const child = spawn(...tiedToParent(process.execPath, nodeArgs), {
    env: { ...process.env, ...env, NAME: name, PORT: String(port), REDIS_URL: redisUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const listening = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      const match = /listening on (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) =>
      reject(new Error(`instance ${name} exited (${code}) before listening:\n${out}`)),
    );
  });
  const ended = (signal: NodeJS.Signals) => async () => {
    process.off("exit", killOnExit);
    if (!isRunning(child)) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  };
  return {
    name,
    port: listening,
    get up() {
      return isRunning(child);
    },
    kill: ended("SIGKILL"),
    stop: ended("SIGTERM"),
  };
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
