// Runs one reply through one transport with that lesson's own client code,
// in Node, and records what arrived. The run ends when the reply completes,
// the client gives up, or `deadlineMs` passes (then it counts as stuck).
import * as pollingApi from "@workshop/01-polling/client/api.ts";
import { startLongPolling } from "@workshop/01-polling/client/long-poll.ts";
import { startShortPolling } from "@workshop/01-polling/client/short-poll.ts";
import { followJob } from "@workshop/02-sse/client/follow-job.ts";
import {
  createReconnectingSocket,
  type SocketLike,
} from "@workshop/03-websocket/client/reconnecting-socket.ts";
import { newReply, resumeMessage, track } from "@workshop/03-websocket/client/reply-tracker.ts";
import { parseMessage, ServerMessage } from "@workshop/03-websocket/protocol";
import { streamChat } from "@workshop/04-llm-chat/client/chat-stream.ts";
import type { Transport } from "./transports.ts";

/** What differs between the browser and Node: lesson 05's page passes the browser's own. */
export interface Platform {
  EventSource: typeof globalThis.EventSource;
  createSocket: (url: string) => SocketLike;
  /** The WebSocket URL for a base like "http://127.0.0.1:4000" or "/t/ws". */
  webSocketUrl: (base: string) => string;
}

export interface Arrival {
  /** The token's position, where the transport carries one. */
  seq?: number;
  text: string;
  at: number;
}

export interface RunRecord {
  arrivals: Arrival[];
  /** How the run ended. */
  outcome: "complete" | "gave up" | "stuck";
  /** New connections or retried requests after the first. */
  reconnects: number;
  /** HTTP requests (or WebSocket handshakes) the client made. */
  requests: number;
}

export interface RunOptions {
  platform: Platform;
  base: string;
  prompt: string;
  deadlineMs: number;
  /** Called after each token, with the count so far: the scenario injects its fault here. */
  onToken?: (count: number, record: RunRecord) => void;
  /** Lets the caller stop the run early (the page's new question). */
  signal?: AbortSignal;
}

type Finish = (outcome: RunRecord["outcome"]) => void;
type Start = (
  record: RunRecord,
  options: RunOptions,
  arrive: (a: Omit<Arrival, "at">) => void,
  finish: Finish,
) => () => void;

const pollingRun =
  (kind: "short" | "long"): Start =>
  (record, { base, prompt }, arrive, finish) => {
    const controller = new AbortController();
    let stop = () => controller.abort();
    let id = ""; // the job's, once POST /api/jobs has answered
    const counted: pollingApi.Poll = (cursor, signal) => {
      record.requests++;
      return kind === "short"
        ? pollingApi.shortPoll(id, 0, base)(cursor, signal)
        : pollingApi.longPoll(id, base)(cursor, signal);
    };
    record.requests++;
    pollingApi.startJob(prompt, controller.signal, base).then(
      ({ body }) => {
        id = body.id;
        const handlers = {
          onResponse: ({ body: poll }: { body: { tokens: { seq: number; text: string }[] } }) => {
            for (const token of poll.tokens) arrive(token);
          },
          onDone: () => finish("complete"),
          onError: () => record.reconnects++, // the next poll is the retry
        };
        const poller =
          kind === "short"
            ? startShortPolling({ poll: counted, intervalMs: () => 40, ...handlers })
            : startLongPolling({ poll: counted, retryDelayMs: 100, ...handlers });
        stop = () => poller.stop();
      },
      () => finish("gave up"),
    );
    return () => stop();
  };

const sseRun: Start = (record, { base, prompt, platform }, arrive, finish) => {
  let close = () => {};
  record.requests++;
  pollingApi.startJob(prompt, new AbortController().signal, base).then(
    ({ body }) => {
      record.requests++;
      const follower = followJob(
        `${base}/api/jobs/${body.id}/events`,
        {
          onToken: (token) => arrive(token),
          onDone: () => finish("complete"),
          onState: (state, reconnects) => {
            if (reconnects > record.reconnects) record.requests++;
            record.reconnects = reconnects;
            // followJob reports CLOSED just before onDone: let done win.
            if (state === "CLOSED") queueMicrotask(() => finish("gave up"));
          },
        },
        platform.EventSource,
      );
      close = () => follower.close();
    },
    () => finish("gave up"),
  );
  return () => close();
};

const webSocketRun: Start = (record, { base, prompt, platform }, arrive, finish) => {
  const reply = newReply();
  const socket = createReconnectingSocket({
    url: platform.webSocketUrl(base),
    createSocket: (url) => {
      record.requests++;
      return platform.createSocket(url);
    },
    backoff: { baseMs: 100, maxMs: 400 },
    maxAttempts: 6,
    deadAfterMs: 3 * 100, // three missed heartbeats
    onOpen: ({ reconnected }) => {
      if (reconnected) record.reconnects++;
      const resume = resumeMessage(reply);
      if (!reply.jobId) socket.send(JSON.stringify({ type: "start", prompt }));
      else if (resume) socket.send(JSON.stringify(resume));
    },
    onMessage: (text) => {
      const parsed = parseMessage(ServerMessage, text);
      if (!parsed.ok) return;
      const message = parsed.message;
      const before = reply.lastSeq;
      const duplicatesBefore = reply.duplicates;
      track(reply, message);
      if (message.type === "token" && (reply.lastSeq !== before || reply.duplicates !== duplicatesBefore)) {
        arrive({ seq: message.seq, text: message.text });
      }
      if (message.type === "done" && message.jobId === reply.jobId) finish("complete");
    },
    onState: (state) => {
      if (state.status === "gave-up") finish("gave up");
    },
  });
  return () => socket.close();
};

const fetchStreamRun: Start = (record, { base, prompt }, arrive, finish) => {
  const controller = new AbortController();
  record.requests++;
  void (async () => {
    try {
      for await (const text of streamChat(
        { messages: [{ role: "user", content: prompt }] },
        controller.signal,
        base,
      )) {
        arrive({ text });
      }
      finish("complete");
    } catch {
      finish("gave up"); // a chat request is never re-sent by itself
    }
  })();
  return () => controller.abort();
};

const STARTS: Record<Transport, Start> = {
  "short polling": pollingRun("short"),
  "long polling": pollingRun("long"),
  SSE: sseRun,
  WebSocket: webSocketRun,
  "fetch stream": fetchStreamRun,
};

export function runTransport(transport: Transport, options: RunOptions): Promise<RunRecord> {
  return new Promise((resolve) => {
    const record: RunRecord = { arrivals: [], outcome: "stuck", reconnects: 0, requests: 0 };
    let stop = () => {};
    let settled = false;
    const finish: Finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      record.outcome = outcome;
      queueMicrotask(() => stop());
      resolve(record);
    };
    const deadline = setTimeout(() => finish("stuck"), options.deadlineMs);
    options.signal?.addEventListener("abort", () => finish("gave up"), { once: true });
    stop = STARTS[transport](
      record,
      options,
      (arrival) => {
        record.arrivals.push({ ...arrival, at: performance.now() });
        options.onToken?.(record.arrivals.length, record);
      },
      finish,
    );
  });
}
