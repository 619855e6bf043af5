// One WebSocket connection: messages in, messages out, both directions at
// once. A reply streams while the same socket carries cancel and chat.
//
// A server holds one Session per open socket, 10,000 of them on a busy day,
// so a Session is a small object whose methods live on its class, shared by
// all: a function of closures per connection cost ~2 KB more per socket
// (lessons/05-compare/BENCH.md).
import { HttpError, type Job, type JobStore } from "@workshop/server-kit";
import type { RawData, WebSocket } from "ws";
import { ClientMessage, parseMessage, type ServerMessage } from "../protocol.ts";
import { send } from "./send.ts";

export interface SessionContext {
  jobs: JobStore;
  /** Sends to every open connection (the chat room). */
  broadcast(message: ServerMessage): void;
  maxBufferedBytes: number;
}

class Session {
  /** Jobs this connection is following: jobId → stop following (made on first use). */
  private following: Map<string, () => void> | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly name: string,
    /** The client's address: what the job budget counts per client. */
    private readonly client: string,
    private readonly context: SessionContext,
  ) {}

  reply(message: ServerMessage): boolean {
    return send(this.ws, message, this.context.maxBufferedBytes);
  }

  // #region follow
  /** Sends the job's tokens after `afterSeq`, then each new one, then done. */
  follow(job: Job, afterSeq: number): void {
    this.following ??= new Map();
    const following = this.following;
    following.get(job.id)?.();
    // #region follow-pump
    let next = afterSeq + 1;
    const pump = () => {
      while (next < job.tokens.length) {
        const token = job.tokens[next++] as Job["tokens"][number];
        if (!this.reply({ type: "token", jobId: job.id, seq: token.seq, text: token.text })) return stop();
      }
      if (job.done) {
        this.reply({ type: "done", jobId: job.id });
        stop();
      }
    };
    const unsubscribe = job.subscribe(pump);
    const stop = () => {
      unsubscribe();
      following.delete(job.id);
    };
    following.set(job.id, stop);
    pump();
    // #endregion
  }
  // #endregion

  /** The job, or undefined after telling the client it does not exist (server-kit's findJob throws a 404 instead). */
  jobOrError(jobId: string): Job | undefined {
    const job = this.context.jobs.get(jobId);
    if (!job)
      this.reply({ type: "error", code: "job_not_found", message: `No job ${jobId}; it may have expired.` });
    return job;
  }

  /** Starts a job, or answers why not (over budget: the socket stays open). */
  startJob(prompt: string): Job | undefined {
    try {
      return this.context.jobs.start(prompt, this.client);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.reply({ type: "error", code: error.code, message: error.message });
      return undefined;
    }
  }

  /** Like lesson 01's cursor: resuming past what was sent is an error, not silence. */
  isValidResume(job: Job, afterSeq: number): boolean {
    if (afterSeq < job.tokens.length) return true;
    this.reply({
      type: "error",
      code: "invalid_resume",
      message: `afterSeq ${afterSeq} is past the ${job.tokens.length} tokens generated so far.`,
    });
    return false;
  }

  // #region on-message
  receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.reply({ type: "error", code: "binary_not_supported", message: "Send JSON text frames." });
      return;
    }
    const parsed = parseMessage(ClientMessage, data.toString());
    if (!parsed.ok) {
      this.reply(parsed.error); // bad input gets an answer; the connection stays open
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case "start": {
        const job = this.startJob(message.prompt);
        if (job) {
          this.reply({ type: "started", jobId: job.id });
          this.follow(job, -1);
        }
        break;
      }
      case "cancel":
        this.jobOrError(message.jobId)?.cancel(); // generation stops now; follow() then sends done
        break;
      case "resume": {
        const job = this.jobOrError(message.jobId);
        if (job && this.isValidResume(job, message.afterSeq)) this.follow(job, message.afterSeq);
        break;
      }
      case "chat":
        this.context.broadcast({
          type: "chat",
          from: this.name,
          text: message.text,
          at: new Date().toISOString(),
        });
        break;
    }
  }
  // #endregion

  /** The socket closed: stop following every job (the jobs go on; a resume can pick them up). */
  close(): void {
    for (const stop of [...(this.following?.values() ?? [])]) stop();
  }
}

const sessions = new WeakMap<WebSocket, Session>();

export function startSession(ws: WebSocket, name: string, client: string, context: SessionContext): void {
  sessions.set(ws, new Session(ws, name, client, context));
  ws.on("message", onMessage);
  // A protocol error (e.g. a frame over maxPayload) arrives here before ws
  // closes the socket with the right code (1009). Without a listener, Node
  // would treat it as unhandled and crash the whole server.
  ws.on("error", ignore);
  ws.on("close", onClose);
}

// Listeners shared by every socket (`this` is the socket), not closures per connection.
function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  sessions.get(this)?.receive(data, isBinary);
}
function onClose(this: WebSocket): void {
  sessions.get(this)?.close();
}
function ignore(): void {}
