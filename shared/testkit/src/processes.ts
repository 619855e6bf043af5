// For tests of what outlives what (a lesson killed with SIGKILL must take its services along):
// Linux's /proc, read directly, since another process's end is not an event a test can await.
import type { ChildProcessByStdio } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { Readable } from "node:stream";

const statOf = (pid: number | string) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // gone
  }
};

/** Whether `pid` runs (a zombie, dead but not yet reaped, does not). */
export const isRunning = (pid: number) => !/\) Z /.test(statOf(pid) ?? ") Z ");

/** The processes whose parent is `pid`, with their command lines. */
export function childrenOf(pid: number): { pid: number; command: string }[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry) && statOf(entry)?.split(") ")[1]?.split(" ")[1] === String(pid))
    .map((entry) => {
      let command = "";
      try {
        command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      } catch {}
      return { pid: Number(entry), command };
    });
}

/** Resolves true once none of `pids` runs, false if one still does after `ms` (a hang guard). */
export async function allGone(pids: number[], ms = 15_000): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (pids.some(isRunning)) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * A lesson's server process started with PORT=0 (its own `node --import tsx main.ts`): resolves
 * with the port it says it listens on, and what it printed until then; rejects if it exits first.
 * The OS picks the port as the server binds it: one a test picked free and handed over could be
 * taken in between by any of the suite's other connections.
 */
export function listeningPort(
  server: ChildProcessByStdio<null, Readable, null>,
): Promise<{ port: number; log: string }> {
  return new Promise((resolve, reject) => {
    let log = "";
    server.stdout.on("data", (chunk: Buffer) => {
      log += chunk;
      const port = /listening on http:\/\/[^\s:]+:(\d+)/.exec(log)?.[1];
      if (port) resolve({ port: Number(port), log });
    });
    server.once("exit", (code) => reject(new Error(`the server exited (${code}): ${log}`)));
  });
}
