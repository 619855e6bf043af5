// What every lesson's server says and does in its own terminal (runLessonServer), run as
// `pnpm dev` runs it: its own Node process, here around the smallest app (fixtures/tiny-lesson.ts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { listeningPort } from "@workshop/testkit";
import { describe, expect, it, onTestFinished } from "vitest";

const tinyLesson = fileURLToPath(new URL("./fixtures/tiny-lesson.ts", import.meta.url));

function startTinyLesson(env: Record<string, string>) {
  const server = spawn(process.execPath, ["--import", "tsx", tinyLesson], {
    // Nothing from the machine's own environment decides what these tests read.
    env: { ...process.env, WORKSHOP_LANG: "", HOST: "", PAGE_PORT: "", SHUTDOWN_DEADLINE_MS: "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  onTestFinished(() => void server.kill("SIGKILL"));
  let said = "";
  const hear = (chunk: Buffer) => {
    said += chunk;
  };
  server.stdout.on("data", hear);
  server.stderr.on("data", hear);
  // "close", not "exit": everything it wrote has been read by then.
  const exited = once(server, "close") as Promise<[number | null, NodeJS.Signals | null]>;
  /** Resolves once the server has said `line` (at any point so far); rejects if it exits first. */
  const saying = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => said.includes(line) && resolve();
      check();
      server.stdout.on("data", check); // after `hear`: `said` holds the chunk by then
      server.stderr.on("data", check);
      exited.then(([code, signal]) =>
        reject(new Error(`it ended (${signal ?? code}) before saying "${line}": ${said}`)),
      );
    });
  return { server, said: () => said, saying, exited };
}

/** A port this test holds, so the lesson finds it busy (as a second `pnpm dev 07` would). */
async function heldPort(): Promise<number> {
  const holder = createServer().listen(0, "127.0.0.1");
  await once(holder, "listening");
  onTestFinished(() => void holder.close());
  return (holder.address() as { port: number }).port;
}

describe("a lesson's server in its terminal", () => {
  it("says where it listens, and on Ctrl+C that it shuts down, then exits 0", async () => {
    const lesson = startTinyLesson({ PORT: "0" });
    const { port, log } = await listeningPort(lesson.server);
    expect(log).toContain(`Lesson 00-tiny API listening on http://127.0.0.1:${port}`);
    lesson.server.kill("SIGINT");
    expect((await lesson.exited)[0]).toBe(0);
    expect(lesson.said()).toContain("SIGINT: shutting down lesson 00-tiny…");
    expect(lesson.said()).toContain("shut down cleanly");
  });

  it("speaks Chinese when pnpm dev --lang zh starts it (WORKSHOP_LANG=zh)", async () => {
    const lesson = startTinyLesson({ PORT: "0", WORKSHOP_LANG: "zh" });
    const { port, log } = await listeningPort(lesson.server);
    expect(log).toContain(`课程 00-tiny 的 API 已启动：http://127.0.0.1:${port}`);
    lesson.server.kill("SIGINT");
    expect((await lesson.exited)[0]).toBe(0);
    expect(lesson.said()).toContain("SIGINT：正在关闭课程 00-tiny……");
  });

  it("a second SIGINT while it shuts down does not cut the shutdown short: under pnpm dev one Ctrl+C arrives twice", async () => {
    const lesson = startTinyLesson({ PORT: "0", HOLD_SHUTDOWN: "1" });
    await listeningPort(lesson.server);
    lesson.server.kill("SIGINT"); // from the terminal
    await lesson.saying("shutting down");
    lesson.server.kill("SIGINT"); // passed on by Node's --watch: with no listener left, the end of the process
    lesson.server.kill("SIGUSR2"); // delivered after the SIGINT (lower signals first): it answers only if alive
    await lesson.saying("still here");
    lesson.server.stdin.end(); // the shutdown may finish now
    expect(await lesson.exited).toEqual([0, null]);
    expect(lesson.said()).toContain("shut down cleanly");
  });

  it("a shutdown that hangs is given up after its deadline: the terminal and the ports are not kept forever", async () => {
    const lesson = startTinyLesson({ PORT: "0", HOLD_SHUTDOWN: "1", SHUTDOWN_DEADLINE_MS: "300" });
    await listeningPort(lesson.server);
    lesson.server.kill("SIGINT"); // its stdin never ends: the shutdown never finishes by itself
    expect(await lesson.exited).toEqual([1, null]);
    expect(lesson.said()).toContain("Lesson 00-tiny: still shutting down after 300 ms; exiting anyway.");
    expect(lesson.said()).not.toContain("shut down cleanly");
  });

  it.for([
    ["en", "port {port} is busy (is this lesson already running in another terminal?)"],
    ["zh", "端口 {port} 被占用（这一课是不是已经在另一个终端里运行了？）"],
  ] as const)(
    "a busy port is explained, with the ports to use instead, and exits 1 (%s)",
    async ([language, explained]) => {
      const port = await heldPort();
      const lesson = startTinyLesson({ PORT: String(port), WORKSHOP_LANG: language });
      expect((await lesson.exited)[0]).toBe(1);
      expect(lesson.said()).toContain(explained.replace("{port}", String(port)));
      expect(lesson.said()).toContain(`PORT=${port + 100} PAGE_PORT=5200 pnpm dev 00`);
    },
  );
});
