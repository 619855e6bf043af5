// Lessons 01–03 as lesson 10's comparison sees them: each starts a *job* that outlives its
// reader (abandoned only after a minute unread), but the job's id lives in the page that
// asked, and none of those pages keeps it. What each can do after a reload or from a
// second tab is ask again. Measured here over the lesson's own protocol: start, read
// a little, leave.
import type { PollResponse } from "@workshop/01-polling/protocol";
import { createServer as createPolling } from "@workshop/01-polling/server/app.ts";
import { createServer as createSse } from "@workshop/02-sse/server/app.ts";
import { createServer as createWebSocket } from "@workshop/03-websocket/server/app.ts";
import type { MockLlm } from "@workshop/mock-llm";
import { connectSse, connectWebSocket, startLesson } from "@workshop/testkit";

export interface StartedJob {
  /** The reader goes away (the tab closes or reloads): the job is left to itself. */
  leave(): Promise<void>;
}

export interface JobTransport {
  design: string;
  serve(llm: MockLlm): Promise<{ url: string; close(): Promise<void> }>;
  /** Starts a job and reads its first `tokens` tokens. */
  start(url: string, prompt: string, tokens: number): Promise<StartedJob>;
}

async function postJob(url: string, prompt: string): Promise<string> {
  const response = await fetch(`${url}/api/jobs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ prompt }),
  });
  return ((await response.json()) as { id: string }).id;
}

export const JOB_TRANSPORTS: JobTransport[] = [
  {
    design: "lesson 01: a polled job",
    serve: (llm) => startLesson(createPolling({ llm })),
    async start(url, prompt, tokens) {
      const id = await postJob(url, prompt);
      // Long polls (lesson 01's /wait: answered as soon as there is something new) until it has `tokens`.
      for (let cursor = 0; cursor < tokens; ) {
        const poll = await fetch(`${url}/api/jobs/${id}/wait?cursor=${cursor}`);
        cursor = ((await poll.json()) as PollResponse).cursor;
      }
      return { leave: async () => {} }; // a poller that leaves just stops asking
    },
  },
  {
    design: "lesson 02: an SSE job",
    serve: (llm) => startLesson(createSse({ llm })),
    async start(url, prompt, tokens) {
      const id = await postJob(url, prompt);
      const reader = await connectSse(`${url}/api/jobs/${id}/events`);
      await reader.waitFor((r) => r.events.filter((e) => e.type === "token").length >= tokens);
      return { leave: async () => reader.abort() };
    },
  },
  {
    design: "lesson 03: a WebSocket job",
    serve: (llm) => startLesson(createWebSocket({ llm, isAllowedOrigin: () => true })),
    async start(url, prompt, tokens) {
      const socket = await connectWebSocket<{ type: string }>(`${url.replace("http", "ws")}/ws`);
      socket.send({ type: "start", prompt });
      await socket.waitFor((messages) => messages.filter((m) => m.type === "token").length >= tokens);
      return {
        async leave() {
          socket.ws.close();
          await socket.closed;
        },
      };
    },
  },
];
