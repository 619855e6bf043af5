// Lesson 03's WebSocket on every instance: the same messages, Origin check,
// heartbeat and slow-client cut (imported from lesson 03), with the two
// things lesson 03 kept in one process's memory moved to Redis:
// - a job's tokens live in its Stream, so `resume {afterSeq}` continues
//   exactly after a reconnect lands on another instance;
// - the chat room is a pub/sub channel, so a message sent on `a` reaches
//   sockets on `b` and `c` (each instance relays it to its own sockets).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import {
  ClientMessage,
  MAX_PAYLOAD_BYTES,
  parseMessage,
  type ServerMessage,
} from "@workshop/03-websocket/protocol";
import { startHeartbeat } from "@workshop/03-websocket/server/heartbeat.ts";
import { send } from "@workshop/03-websocket/server/send.ts";
import { acceptUpgrades } from "@workshop/03-websocket/server/upgrade.ts";
import { clientAddress, createStreamLimit, HttpError } from "@workshop/server-kit";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type { JobStreams } from "./job-streams.ts";
import { connectDuplicate, type Redis } from "./redis.ts";

export const CHAT_CHANNEL = "chat";

export interface ChatSocketOptions {
  redis: Redis;
  jobs: JobStreams;
  instance: string;
  isAllowedOrigin: (origin: string) => boolean;
  heartbeatMs: number;
  /** Unsent bytes per socket before it is cut off as too slow (lesson 03's bound). */
  maxBufferedBytes?: number;
  /** Sockets one client address may hold on this instance; more are closed with 1013. */
  maxSocketsPerClient?: number;
}

export async function addChatSocket(server: Server, options: ChatSocketOptions) {
  const { redis, jobs, instance } = options;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1 << 20;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const limit = createStreamLimit(options.maxSocketsPerClient);
  const stopHeartbeat = startHeartbeat(wss, options.heartbeatMs, (ws) =>
    send(ws, { type: "heartbeat", at: new Date().toISOString() }, maxBufferedBytes),
  );

  // #region chat-room
  // Every instance hears the room and relays to its own sockets: a socket on
  // `b` never learns that the sender's socket was on `a`.
  const room = await connectDuplicate(redis);
  await room.subscribe(CHAT_CHANNEL, (data) => {
    const message = JSON.parse(data) as ServerMessage;
    for (const ws of wss.clients) send(ws, message, maxBufferedBytes);
  });
  // #endregion

  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    const client = clientAddress(req);
    const release = limit.tryOpen(client);
    if (!release) return ws.close(1013, "too many connections from this client");
    const name = `guest-${randomUUID().slice(0, 4)}@${instance}`;
    /** Jobs this socket follows: jobId → its reader's controller (aborted when the socket closes). */
    const following = new Map<string, AbortController>();
    const reply = (message: ServerMessage) => send(ws, message, maxBufferedBytes);
    ws.on("close", () => {
      release();
      for (const controller of following.values()) controller.abort();
    });

    // #region follow-from-redis
    /** Sends the job's tokens after `afterSeq` from its Stream, then live ones, then how it ended. */
    const follow = async (jobId: string, afterSeq: number) => {
      following.get(jobId)?.abort();
      const controller = new AbortController();
      following.set(jobId, controller);
      try {
        for await (const entry of jobs.read(jobId, afterSeq, controller.signal)) {
          if (entry.type === "token") {
            if (!reply({ type: "token", jobId, seq: entry.seq, text: entry.text })) break;
          } else if (entry.type === "done") {
            reply({ type: "done", jobId });
          } else {
            // Lesson 03's protocol has no such message; an error with a code says it plainly.
            reply({
              type: "error",
              code: "interrupted",
              message: `The instance generating ${jobId} stopped after ${entry.tokens} tokens.`,
            });
          }
        }
      } finally {
        controller.abort();
        if (following.get(jobId) === controller) following.delete(jobId);
      }
    };
    // #endregion

    const receive = async (data: RawData, isBinary: boolean) => {
      if (isBinary)
        return reply({ type: "error", code: "binary_not_supported", message: "Send JSON text frames." });
      const parsed = parseMessage(ClientMessage, data.toString());
      if (!parsed.ok) return reply(parsed.error);
      const message = parsed.message;
      if (message.type === "chat") {
        const said: ServerMessage = {
          type: "chat",
          from: name,
          text: message.text,
          at: new Date().toISOString(),
        };
        await redis.publish(CHAT_CHANNEL, JSON.stringify(said));
      } else if (message.type === "start") {
        const jobId = await jobs.start(message.prompt, client);
        reply({ type: "started", jobId });
        await follow(jobId, -1);
      } else if (!(await jobs.exists(message.jobId))) {
        reply({
          type: "error",
          code: "job_not_found",
          message: `No job ${message.jobId}; it may have expired.`,
        });
      } else if (message.type === "cancel") {
        await jobs.cancel(message.jobId); // the owner stops; this socket's reader then sends done
      } else {
        await follow(message.jobId, message.afterSeq);
      }
    };
    ws.on("message", (data, isBinary) => {
      receive(data, isBinary).catch((error: unknown) => {
        // Over a bound (HttpError) or Redis unreachable: an answer on the socket, never a crash.
        const known = error instanceof HttpError;
        reply({
          type: "error",
          code: known ? error.code : "unavailable",
          message: known ? error.message : "The job store is unreachable; try again.",
        });
      });
    });
  });
  acceptUpgrades(server, wss, options.isAllowedOrigin);

  return {
    /** Says 1001 "going away" to every socket (cut after 1 s if a peer never answers); `kill`: cuts them without a word. */
    async close({ kill = false } = {}): Promise<void> {
      stopHeartbeat();
      room.destroy();
      await Promise.all(
        [...wss.clients].map(
          (ws) =>
            new Promise<void>((resolve) => {
              ws.once("close", () => resolve());
              if (kill) return ws.terminate();
              // The HTTP server cannot close while an upgraded socket stays open: a peer
              // that never answers the close frame is cut (lesson 03's closeAll does the same).
              const giveUp = setTimeout(() => ws.terminate(), 1000);
              ws.once("close", () => clearTimeout(giveUp));
              ws.close(1001, "instance shutting down");
            }),
        ),
      );
      wss.close();
    },
  };
}
