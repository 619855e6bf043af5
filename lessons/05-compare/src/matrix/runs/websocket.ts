// WebSocket with lesson 03's own client: reconnect with backoff, resume by
// seq, and a watchdog that declares a silent server dead.
import { createReconnectingSocket } from "@workshop/03-websocket/client/reconnecting-socket.ts";
import { newReply, resumeMessage, track } from "@workshop/03-websocket/client/reply-tracker.ts";
import { parseMessage, ServerMessage } from "@workshop/03-websocket/protocol";
import { seededRandom } from "@workshop/mock-llm/seeded-random"; // no Node APIs: the page runs this too
import type { Start } from "../run-record.ts";

/** The matrix's WebSocket backoff: short, so a row finishes quickly; the stuck deadline derives from it. */
export const WEBSOCKET_BACKOFF = { baseMs: 100, maxMs: 400 };
/** Failed reconnects in a row before the client gives up. */
export const WEBSOCKET_MAX_ATTEMPTS = 6;
/**
 * Full jitter from a seeded generator: the same delays on every run. With Math.random,
 * about one run in 250 drew delays so short that all six attempts fell inside a 300 ms
 * outage, and the cell read "gives up" on that run only.
 */
export const webSocketJitter = () => seededRandom(1);

export const webSocketRun: Start = (record, { base, prompt, platform, heartbeatMs }, arrive, finish) => {
  const reply = newReply();
  const socket = createReconnectingSocket({
    url: platform.webSocketUrl(base),
    createSocket: (url) => {
      record.requests++;
      return platform.createSocket(url);
    },
    backoff: WEBSOCKET_BACKOFF,
    maxAttempts: WEBSOCKET_MAX_ATTEMPTS,
    random: webSocketJitter(),
    deadAfterMs: 3 * heartbeatMs, // three missed heartbeats: the server is presumed dead
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
      track(reply, message);
      // Every token of this reply arrives, repeats too: the judge counts them by seq.
      if (message.type === "token" && message.jobId === reply.jobId)
        arrive({ seq: message.seq, text: message.text });
      if (message.type === "done" && message.jobId === reply.jobId) finish("complete");
    },
    onState: (state) => {
      if (state.status === "gave-up") finish("gave up");
    },
  });
  return () => socket.close();
};
