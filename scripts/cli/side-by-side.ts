// Runs a few processes side by side in one terminal, each output line prefixed with the
// process's name (`[server] …`, `[page] …`): what `pnpm dev NN` and an exercise's
// `dev + check` need. Written here instead of loading concurrently, whose import alone
// (rxjs and all) took 0.2 s of CPU: a seventh of `pnpm dev`'s 3-s start-up on a busy laptop.
// Output goes on by whole lines (a line still being written waits for its end), so two
// processes never mix inside one line.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { styleText } from "node:util";

export interface SideCommand {
  name: string;
  color: "blue" | "magenta" | "green";
  /** An executable and its arguments, started without a shell. */
  file: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export interface SideBySide {
  /** Settles once every process has exited: true if each one exited with 0, or they were stopped. */
  ended: Promise<boolean>;
  /** Sends `signal` to every process still running. */
  stop(signal?: NodeJS.Signals): void;
}

const PASSED_ON = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** A terminal that shows colours, or a pipe told to by FORCE_COLOR (this runner inside another). */
const inColor = (stream: Writable) =>
  (stream as { hasColors?: () => boolean }).hasColors?.() ??
  (Boolean(process.env.FORCE_COLOR) && process.env.FORCE_COLOR !== "0");

/**
 * The processes run until they exit; the first to fail stops the others. A Ctrl+C, a kill or a
 * closed terminal stops them all: the signal this process gets is passed on to each (Ctrl+C
 * also reaches them directly, by the terminal's process group).
 */
export function runSideBySide(
  commands: SideCommand[],
  { out = process.stdout, err = process.stderr }: { out?: Writable; err?: Writable } = {},
): SideBySide {
  const running = new Set<ChildProcess>();
  let stopping = false;
  let failed = false;
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    stopping = true;
    for (const child of running) child.kill(signal);
  };
  const passOn = (signal: NodeJS.Signals) => stop(signal);
  for (const signal of PASSED_ON) process.on(signal, passOn);
  const ended = Promise.all(
    commands.map(
      (command) =>
        new Promise<boolean>((resolve) => {
          const prefix = (stream: Writable) =>
            inColor(stream) ? styleText(command.color, `[${command.name}]`) : `[${command.name}]`;
          const child = spawn(command.file, command.args, {
            cwd: command.cwd,
            // Their output reaches a terminal through us: let them colour it as they would there.
            env: { ...(inColor(out) && { FORCE_COLOR: "1" }), ...process.env, ...command.env },
            stdio: ["ignore", "pipe", "pipe"], // nothing here reads the keyboard; Ctrl+C reaches all by the process group
          });
          running.add(child);
          const relay = (from: Readable, to: Writable) =>
            createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) =>
              to.write(`${prefix(to)} ${line}\n`),
            );
          relay(child.stdout, out);
          relay(child.stderr, err);
          const finished = (ok: boolean, why: string) => {
            if (!running.delete(child)) return;
            if (!ok && !stopping) {
              failed = true;
              err.write(`${prefix(err)} ${why}\n`);
              stop(); // one half of a lesson is no lesson: the other stops too
            }
            resolve(ok);
          };
          child.once("error", (error) => finished(false, `could not start: ${error.message}`));
          // "close", not "exit": its output is all relayed by then.
          child.once("close", (code, signal) =>
            finished(code === 0, `exited with ${signal ?? `code ${code}`}`),
          );
        }),
    ),
  ).then((results) => {
    for (const signal of PASSED_ON) process.off(signal, passOn);
    return !failed && (stopping || results.every(Boolean));
  });
  return { ended, stop };
}
