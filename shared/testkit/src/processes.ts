// For tests of what outlives what (a lesson killed with SIGKILL must take its services along):
// Linux's /proc, read directly, since another process's end is not an event a test can await.
import { readdirSync, readFileSync } from "node:fs";

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
