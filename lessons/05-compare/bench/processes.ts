// Starting what the bench measures, each in its own process: a server under
// test (with --expose-gc, so memory is measured after a collection), and
// `pnpm dev NN` for the start-up time. Both raise their file limit to the
// hard limit first, where the system allows it.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export interface ServerUnderTest {
  port: number;
  /** Heap used and RSS after two full GCs, in bytes. */
  memory(): Promise<{ heapUsed: number; rss: number }>;
  close(): Promise<void>;
}

const here = fileURLToPath(new URL(".", import.meta.url));
const raiseFileLimit = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null;';

export function startServerProcess(
  kind: "lesson" | "reference",
  transport: string,
): Promise<ServerUnderTest> {
  const child = spawn(
    "sh",
    [
      "-c",
      `${raiseFileLimit} exec node --expose-gc --import tsx server-process.ts "$0" "$1"`,
      kind,
      transport,
    ],
    { cwd: here, stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(message);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`${kind} ${transport} server exited (${code})`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  return next<{ port: number }>("ready").then(({ port }) => ({
    port,
    memory() {
      const answer = next<{ heapUsed: number; rss: number }>("memory");
      child.send({ type: "measure" });
      return answer;
    },
    close: () => stop(child),
  }));
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** Milliseconds a fresh Node process takes to import `specifier` (TypeScript through tsx). */
export function importMilliseconds(specifier: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--import", "tsx", "--input-type=module", "-e", script], { cwd: here });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", () => resolve(Number(out.trim())));
  });
}

/** Seconds from `pnpm dev NN` until its page and, through it, /api/health both answer. */
export async function devReadySeconds(lesson: string, repoRoot: string): Promise<number> {
  const page = 5100 + Number(lesson);
  const answers = async (url: string) => (await fetch(url).catch(() => undefined))?.ok === true;
  const started = performance.now();
  const child = spawn("pnpm", ["dev", lesson], { cwd: repoRoot, detached: true, stdio: "ignore" });
  const exited = once(child, "exit");
  const deadline = started + 30_000;
  // One after the other: a page that answers stays up, and asking it again every 20 ms while
  // the API starts would load the very machine being measured (Vite renders index.html each time).
  let inTime = true;
  for (const url of [`http://127.0.0.1:${page}/`, `http://127.0.0.1:${page}/api/health`]) {
    while (inTime && child.exitCode === null && !(await answers(url))) {
      inTime = performance.now() < deadline;
      await sleep(20); // polling a port: no event to await
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (child.exitCode !== null)
    throw new Error(`pnpm dev ${lesson} exited (${child.exitCode}) before it was ready`);
  // Ctrl+C, as a student stops it; the whole group, should the lesson not stop within 30 s.
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {} // the group is gone already
  };
  group("SIGINT");
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000, false, { ref: false })]);
  if (!stopped) group("SIGKILL");
  if (!inTime) throw new Error(`pnpm dev ${lesson}: page and /api/health not both answering after 30 s`);
  if (!stopped) throw new Error(`pnpm dev ${lesson}: still running 30 s after Ctrl+C`);
  // The next start needs the API's port free again: a lesson's shutdown closes it after its
  // services stop. One that never lets go is a broken shutdown, said so, not waited for forever.
  const freed = performance.now() + 30_000;
  while (await answers(`http://127.0.0.1:${3100 + Number(lesson)}/api/health`)) {
    if (performance.now() > freed) throw new Error(`pnpm dev ${lesson}: still answering 30 s after Ctrl+C`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return seconds;
}
