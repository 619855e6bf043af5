// Lesson 03's server: a WebSocket endpoint at /ws on the lesson's HTTP server.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { createMockLlm } from "@workshop/mock-llm";
import {
  clientAddress,
  createJobStore,
  createLessonApp,
  createStreamLimit,
  type JobBudget,
  type JobLessonParts,
  type LessonServer,
  lessonPageOrigins,
  requireDebugHeader,
  serveLesson,
} from "@workshop/server-kit";
import { type WebSocket, WebSocketServer } from "ws";
import { MAX_PAYLOAD_BYTES, type ServerMessage } from "../protocol.ts";
import { startHeartbeat } from "./heartbeat.ts";
import { send } from "./send.ts";
import { startSession } from "./session.ts";
import { acceptUpgrades } from "./upgrade.ts";

export const LESSON = "03-websocket";

export interface WebSocketServerOptions extends Partial<Pick<JobLessonParts, "llm">> {
  heartbeatMs?: number;
  /** Unsent bytes per client before it is cut off as too slow. */
  maxBufferedBytes?: number;
  /** Which page origins may open a socket. Default: this lesson's page. */
  isAllowedOrigin?: (origin: string) => boolean;
  abandonAfterMs?: number;
  /** Job budgets; default from the environment (see README "Limits"). */
  budget?: Partial<JobBudget>;
  /** Sockets one client address may hold open; more are closed with 1013. */
  maxSocketsPerClient?: number;
  /** POST /api/debug/drop; on unless NODE_ENV=production. */
  debug?: boolean;
}

export interface WebSocketApp extends JobLessonParts {
  wss: WebSocketServer;
  broadcast(message: ServerMessage): void;
}

function defaultOrigins(): (origin: string) => boolean {
  const allowed = lessonPageOrigins("03"); // this lesson's page, plus ALLOWED_ORIGINS
  return (origin) => allowed.has(origin);
}

export function createServer(options: WebSocketServerOptions = {}): LessonServer & WebSocketApp {
  const llm = options.llm ?? createMockLlm();
  const jobs = createJobStore({
    llm,
    abandonAfterMs: options.abandonAfterMs ?? 30_000,
    budget: options.budget,
  });
  const sockets = createStreamLimit(options.maxSocketsPerClient);
  const maxBufferedBytes = options.maxBufferedBytes ?? 1 << 20;
  // noServer: we handle the HTTP Upgrade ourselves (see upgrade.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const broadcast = (message: ServerMessage) => {
    for (const ws of wss.clients) send(ws, message, maxBufferedBytes);
  };
  const stopHeartbeat = startHeartbeat(wss, options.heartbeatMs ?? 10_000, (ws) =>
    send(ws, { type: "heartbeat", at: new Date().toISOString() }, maxBufferedBytes),
  );
  const session = { jobs, broadcast, maxBufferedBytes }; // what every session shares
  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    const client = clientAddress(req);
    const release = sockets.tryOpen(client);
    if (!release) {
      // 1013 "try again later" (RFC 6455 §7.4.1, IANA registry): a browser
      // can't read an HTTP 429 on a failed upgrade, but it can read this.
      ws.close(1013, "too many connections from this client");
      return;
    }
    ws.on("close", release);
    startSession(ws, `guest-${randomUUID().slice(0, 4)}`, client, session);
  });

  const app = createLessonApp(LESSON, (app) => {
    if (options.debug ?? process.env.NODE_ENV !== "production") {
      app.use("/api/debug", requireDebugHeader); // no other page can trigger it
      app.post("/api/debug/drop", (_req, res) => {
        const count = wss.clients.size;
        for (const ws of wss.clients) ws.terminate(); // no close frame: the client sees 1006
        res.json({ dropped: count });
      });
    }
  });

  const lesson = serveLesson({ app, llm, jobs, wss, broadcast }, async () => {
    stopHeartbeat();
    jobs.close();
    await closeAll(wss, 1001, "server shutting down");
  });
  acceptUpgrades(lesson.server, wss, options.isAllowedOrigin ?? defaultOrigins());
  return lesson;
}

/** Closes every socket with `code`, waiting briefly for the close handshake. */
async function closeAll(wss: WebSocketServer, code: number, reason: string): Promise<void> {
  const closing = [...wss.clients].map(
    (ws) =>
      new Promise<void>((resolve) => {
        const giveUp = setTimeout(() => ws.terminate(), 1000); // a peer that never answers the close frame
        ws.once("close", () => {
          clearTimeout(giveUp);
          resolve();
        });
        ws.close(code, reason);
      }),
  );
  await Promise.all(closing);
  wss.close();
}
