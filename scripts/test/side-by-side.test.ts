// `pnpm dev NN` runs a lesson's server and page side by side (scripts/cli/side-by-side.ts):
// real child processes here, small Node one-liners, their output caught in memory.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { styleText } from "node:util";
import { isRunning } from "@workshop/testkit";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { runSideBySide as run, type SideBySide, type SideCommand } from "../cli/side-by-side.ts";

// A test that fails half way leaves no process running behind it.
const started: SideBySide[] = [];
const runSideBySide = (...args: Parameters<typeof run>) => {
  const running = run(...args);
  started.push(running);
  return running;
};
// Plain text, whatever the machine's own FORCE_COLOR says: these tests read the prefixes.
beforeEach(() => {
  vi.stubEnv("FORCE_COLOR", "0");
});
afterEach(() => {
  for (const running of started.splice(0)) running.stop("SIGKILL");
  vi.unstubAllEnvs();
});

const node = (name: string, code: string): SideCommand => ({
  name,
  color: "blue",
  file: process.execPath,
  args: ["-e", code],
  cwd: process.cwd(),
});
const FOREVER = "setInterval(() => {}, 60_000)";

function caught() {
  const out = new PassThrough();
  const err = new PassThrough();
  let outText = "";
  let errText = "";
  out.on("data", (chunk) => (outText += chunk));
  err.on("data", (chunk) => (errText += chunk));
  return { streams: { out, err }, out: () => outText, err: () => errText };
}

describe("two processes side by side in one terminal", () => {
  it("prefixes every line with its process's name, the last unfinished line too, and ends well when both exit 0", async () => {
    const output = caught();
    const { ended } = runSideBySide(
      [
        node("server", "console.log('listening'); console.error('a warning'); process.stdout.write('bye')"),
        node("page", "console.log('ready')"),
      ],
      output.streams,
    );
    expect(await ended).toBe(true);
    const lines = output.out().split("\n");
    expect(lines.filter((line) => line.startsWith("[server]"))).toEqual([
      "[server] listening",
      "[server] bye",
    ]);
    expect(lines.filter((line) => line.startsWith("[page]"))).toEqual(["[page] ready"]);
    expect(output.err()).toBe("[server] a warning\n");
  });

  it("in a colour terminal the names come in colour, and the processes are told they may colour theirs", async () => {
    vi.stubEnv("FORCE_COLOR", undefined); // nothing said: the terminal decides
    const output = caught();
    Object.assign(output.streams.out, { hasColors: () => true });
    const { ended } = runSideBySide(
      [node("server", "console.log('FORCE_COLOR=' + process.env.FORCE_COLOR)")],
      output.streams,
    );
    expect(await ended).toBe(true);
    expect(output.out()).toBe(`${styleText("blue", "[server]")} FORCE_COLOR=1\n`);
  });

  it("one that fails stops the other, and says how it ended: half a lesson is no lesson", async () => {
    const output = caught();
    const { ended } = runSideBySide(
      [node("server", "console.error('port 3101 is busy'); process.exit(3)"), node("page", FOREVER)],
      output.streams,
    );
    expect(await ended).toBe(false); // and the page's process has exited: `ended` waits for both
    expect(output.err()).toBe("[server] port 3101 is busy\n[server] exited with code 3\n");
  });

  it("one that cannot start at all is reported, and stops the other", async () => {
    const output = caught();
    const missing = { ...node("server", ""), file: "/nonexistent/node" };
    const { ended } = runSideBySide([missing, node("page", FOREVER)], output.streams);
    expect(await ended).toBe(false);
    expect(output.err()).toMatch(/^\[server\] could not start: .*ENOENT/);
  });

  it("stopping them (Ctrl+C, a kill) ends both, and that is not a failure", async () => {
    const output = caught();
    const { ended, stop } = runSideBySide([node("server", FOREVER), node("page", FOREVER)], output.streams);
    stop("SIGINT");
    expect(await ended).toBe(true);
    expect(output.err()).toBe(""); // no "exited with" for a process that was asked to stop
  });

  it.for(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "%s sent to the runner alone reaches both (a kill, a closed terminal), and the run ends well",
    async (signal) => {
      const runner = spawn(
        process.execPath,
        ["--import", "tsx", fileURLToPath(new URL("./fixtures/two-side-by-side.ts", import.meta.url))],
        // A group of its own: whatever happens, the cleanup below ends the runner and both processes.
        { stdio: ["ignore", "pipe", "inherit"], detached: true },
      );
      onTestFinished(() => {
        try {
          process.kill(-(runner.pid as number), "SIGKILL");
        } catch {} // all gone already
      });
      const closed = once(runner, "close");
      let said = "";
      const pids = await new Promise<number[]>((resolve) => {
        runner.stdout.on("data", (chunk) => {
          said += chunk;
          const found = [...said.matchAll(/pid (\d+)/g)].map((match) => Number(match[1]));
          if (found.length === 2) resolve(found);
        });
      });
      runner.kill(signal); // the runner only, not its process group
      expect(await closed).toEqual([0, null]);
      expect(pids.filter(isRunning)).toEqual([]); // it waited for both before it exited
    },
  );
});
