// A lesson's services must not outlive it, even when it is killed (SIGKILL runs no handler
// of ours). Two ties, because there are two kinds of child:
// - redis-server and nginx are not ours to change: on Linux they are started through
//   util-linux's `setpriv --pdeathsig TERM`, so the kernel sends them SIGTERM the moment
//   the process that started them dies (prctl PR_SET_PDEATHSIG). Elsewhere, plain spawn.
// - our own Node processes (a lesson's server, lesson 07's instances, `pnpm dev`) watch
//   their parent: when it is gone, they stop as on Ctrl+C, and stop their services in turn.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

let setpriv: boolean | undefined;
const hasSetpriv = () => {
  setpriv ??=
    process.platform === "linux" && spawnSync("setpriv", ["--pdeathsig", "TERM", "true"]).status === 0;
  return setpriv;
};

/** The command and arguments to spawn so the child gets SIGTERM when this process dies. */
export function tiedToParent(command: string, args: string[]): [string, string[]] {
  return hasSetpriv() ? ["setpriv", ["--pdeathsig", "TERM", "--", command, ...args]] : [command, args];
}

/** The parent of process `pid` (Linux's /proc), or undefined where it cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
  } catch {
    return undefined;
  }
}

/**
 * Stops this process (SIGTERM to itself, so its shutdown runs) once its parent is gone: an
 * orphan is adopted by another process, so its parent's pid changes. The grandparent is
 * watched too, where Linux shows it: `pnpm dev` and `pnpm start` run us through `sh -c`,
 * which stays when pnpm is killed. Looked at twice a second, by a timer that never keeps
 * the process alive.
 */
export function exitWithParent(onGone: () => void = () => process.kill(process.pid, "SIGTERM")): void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const timer = setInterval(() => {
    if (process.ppid === parent && parentOf(parent) === grandparent) return;
    clearInterval(timer);
    onGone();
  }, 500);
  timer.unref();
}
