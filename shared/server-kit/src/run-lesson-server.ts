// What a lesson's main.ts does: listen on PORT/HOST, explain a busy port, and
// shut down gracefully on Ctrl+C (SIGINT) or SIGTERM.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { MockLlm } from "@workshop/mock-llm";
import type { Express } from "express";
import type { JobStore } from "./job-store.ts";
import { lessonHost, lessonPorts } from "./lesson-ports.ts";
import { lessonServerText } from "./lesson-server-text.ts";
import { exitWithParent } from "./tied-to-parent.ts";

export interface LessonServer {
  server: Server;
  /** Answers held requests, stops jobs and timers, closes connections. */
  shutdown(): Promise<void>;
}

/** What every job-based lesson's createApp() returns, plus its own parts. */
export interface JobLessonParts {
  app: Express;
  llm: MockLlm;
  jobs: JobStore;
}

/** Answers a request without Express and returns true, or returns false to let the app answer. */
export type PlainRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Wraps a lesson's app in an HTTP server whose shutdown first runs `stopWork`.
 * `plain` routes are tried first, on node:http alone: for streams held by
 * thousands of clients, where Express's per-request state costs too much.
 */
export function serveLesson<T extends { app: Express }>(
  parts: T,
  stopWork: () => void | Promise<void>,
  { plain }: { plain?: PlainRoute } = {},
): T & LessonServer {
  const app = parts.app;
  const server = createServer(plain ? (req, res) => plain(req, res) || app(req, res) : app);
  setTimeouts(server);
  return {
    ...parts,
    server,
    async shutdown() {
      await stopWork();
      await closeServer(server);
    },
  };
}

/**
 * Node's timeouts, set on purpose rather than left at their defaults: a client
 * gets 10 s to send its headers and 30 s for its whole request (body
 * included), and an idle keep-alive connection is closed after 5 s. None of
 * them limits how long a response may stream.
 */
export function setTimeouts(server: Server): void {
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
}

/** How long a lesson's shutdown may take before the process exits anyway; the environment's SHUTDOWN_DEADLINE_MS overrides it (a test's shorter one). */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export function runLessonServer(lesson: string, { server, shutdown }: LessonServer): void {
  const number = lesson.slice(0, 2);
  const port = lessonPorts(number).api;
  const host = lessonHost();
  const say = lessonServerText();

  server.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      const otherPorts = `PORT=${port + 100} PAGE_PORT=${lessonPorts(number).page + 100} pnpm dev ${number}`;
      console.error(say.portBusy(lesson, port, otherPorts));
    } else {
      console.error(say.couldNotStart(lesson, error.message));
    }
    process.exit(1);
  });

  server.listen(port, host, () => {
    const { port: bound } = server.address() as AddressInfo; // PORT=0: the one the OS chose
    console.log(say.listening(lesson, `http://${host}:${bound}`));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(say.shuttingDown(lesson, signal));
    // Bounded: a shutdown that hangs must not keep the terminal (or the ports) forever.
    const deadlineMs = Number(process.env.SHUTDOWN_DEADLINE_MS) || SHUTDOWN_DEADLINE_MS;
    setTimeout(() => {
      console.error(say.shutdownTooLong(lesson, deadlineMs));
      process.exit(1);
    }, deadlineMs).unref();
    shutdown().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: one Ctrl+C under `pnpm dev` arrives twice (from the terminal, and passed on
  // by Node's --watch), and with no listener left the second would end the process by default,
  // halfway through its shutdown (nginx's folder left in /tmp, instances not told).
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  // Its parent killed (`pnpm dev`'s tree, a terminal closed): stop as on Ctrl+C, services too.
  exitWithParent();
}

/** Closes a server, ending keep-alive and streaming connections too. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
