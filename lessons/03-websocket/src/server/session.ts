// One WebSocket connection: messages in, messages out, both directions at
// once. A reply streams while the same socket carries cancel and chat.
import { HttpError, type Job, type JobStore } from "@workshop/server-kit";
import type { WebSocket } from "ws";
import { ClientMessage, parseMessage, type ServerMessage } from "../protocol.ts";
import { send } from "./send.ts";

export interface SessionContext {
  jobs: JobStore;
  /** The client's address: what the job budget counts per client. */
  client: string;
  /** Sends to every open connection (the chat room). */
  broadcast(message: ServerMessage): void;
  maxBufferedBytes: number;
}

export function startSession(ws: WebSocket, name: string, context: SessionContext): void {
  const { jobs, client, broadcast, maxBufferedBytes } = context;
  const reply = (message: ServerMessage) => send(ws, message, maxBufferedBytes);
  /** Jobs this connection is following: jobId → stop following (made on first use). */
  let following: Map<string, () => void> | undefined;

  // #region follow
  /** Sends the job's tokens after `afterSeq`, then each new one, then done. */
  function follow(job: Job, afterSeq: number): void {
    following ??= new Map();
    following.get(job.id)?.();
    let next = afterSeq + 1;
    const pump = () => {
      while (next < job.tokens.length) {
        const token = job.tokens[next++] as Job["tokens"][number];
        if (!reply({ type: "token", jobId: job.id, seq: token.seq, text: token.text })) return stop();
      }
      if (job.done) {
        reply({ type: "done", jobId: job.id });
        stop();
      }
    };
    const unsubscribe = job.subscribe(pump);
    const stop = () => {
      unsubscribe();
      following?.delete(job.id);
    };
    following.set(job.id, stop);
    pump();
  }
  // #endregion

  function findJob(jobId: string): Job | undefined {
    const job = jobs.get(jobId);
    if (!job)
      reply({ type: "error", code: "job_not_found", message: `No job ${jobId}; it may have expired.` });
    return job;
  }

  /** Starts a job, or answers why not (over budget: the socket stays open). */
  function startJob(prompt: string): Job | undefined {
    try {
      return jobs.start(prompt, client);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply({ type: "error", code: error.code, message: error.message });
      return undefined;
    }
  }

  /** Like lesson 01's cursor: resuming past what was sent is an error, not silence. */
  function isValidResume(job: Job, afterSeq: number): boolean {
    if (afterSeq < job.tokens.length) return true;
    reply({
      type: "error",
      code: "invalid_resume",
      message: `afterSeq ${afterSeq} is past the ${job.tokens.length} tokens generated so far.`,
    });
    return false;
  }

  // #region on-message
  ws.on("message", (data, isBinary) => {
    if (isBinary) {
      reply({ type: "error", code: "binary_not_supported", message: "Send JSON text frames." });
      return;
    }
    const parsed = parseMessage(ClientMessage, data.toString());
    if (!parsed.ok) {
      reply(parsed.error); // bad input gets an answer; the connection stays open
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case "start": {
        const job = startJob(message.prompt);
        if (job) {
          reply({ type: "started", jobId: job.id });
          follow(job, -1);
        }
        break;
      }
      case "cancel":
        findJob(message.jobId)?.cancel(); // generation stops now; follow() then sends done
        break;
      case "resume": {
        const job = findJob(message.jobId);
        if (job && isValidResume(job, message.afterSeq)) follow(job, message.afterSeq);
        break;
      }
      case "chat":
        broadcast({ type: "chat", from: name, text: message.text, at: new Date().toISOString() });
        break;
    }
  });
  // #endregion

  // A protocol error (e.g. a frame over maxPayload) arrives here before ws
  // closes the socket with the right code (1009). Without a listener, Node
  // would treat it as unhandled and crash the whole server.
  ws.on("error", ignore);
  ws.on("close", () => {
    for (const stop of [...(following?.values() ?? [])]) stop();
  });
}

/** Shared by every socket: one function, not a closure per connection. */
function ignore(): void {}
