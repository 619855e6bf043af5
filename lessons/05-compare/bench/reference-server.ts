// The minimal reference: the same endpoints and messages as the lessons,
// written the shortest way node:http and ws allow, with none of the lessons'
// budgets, validation or cleanup. What a lesson costs on top of this is
// what the bench reports as a ratio.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { MockLlm } from "@workshop/mock-llm";
import { WebSocketServer } from "ws";

interface Job {
  tokens: { seq: number; text: string }[];
  done: boolean;
  waiters: Set<() => void>;
}

export function createReferenceServer(llm: MockLlm) {
  const jobs = new Map<string, Job>();
  const listeners = new Set<ServerResponse>();
  const start = (prompt: string, onChange?: () => void) => {
    const job: Job = { tokens: [], done: false, waiters: new Set() };
    const wake = () => {
      for (const waiter of [...job.waiters]) waiter();
      onChange?.();
    };
    void (async () => {
      for await (const text of llm.generate(prompt)) {
        job.tokens.push({ seq: job.tokens.length, text });
        wake();
      }
      job.done = true;
      wake();
    })();
    return job;
  };
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = "";
      req.on("data", (chunk) => (text += chunk));
      req.on("end", () => resolve(text));
    });
  const poll = (job: Job, cursor: number) => ({
    tokens: job.tokens.slice(cursor),
    cursor: job.tokens.length,
    done: job.done,
  });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    const cursor = Number(url.searchParams.get("cursor") ?? 0);
    if (req.method === "POST" && path === "/api/jobs") {
      const id = randomUUID();
      jobs.set(id, start(JSON.parse(await body(req)).prompt));
      return res.writeHead(202, { "Content-Type": "application/json" }).end(JSON.stringify({ id }));
    }
    if (req.method === "POST" && path === "/api/notifications") {
      const text = `event: notice\ndata: ${await body(req)}\n\n`;
      for (const listener of listeners) listener.write(text);
      return res.writeHead(202).end();
    }
    if (path === "/api/notifications") {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(": hi\n\n");
      listeners.add(res);
      res.on("close", () => listeners.delete(res));
      return;
    }
    if (req.method === "POST" && path === "/api/chat") {
      await body(req);
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      for await (const content of llm.generate("")) {
        res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`);
      }
      return res.end("data: [DONE]\n\n");
    }
    const match = /^\/api\/jobs\/([^/]+)(\/wait|\/events)?$/.exec(path);
    const job = match ? jobs.get(match[1] as string) : undefined;
    if (!job) return res.writeHead(404).end();
    if (match?.[2] === "/events") {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      let next = 0;
      const pump = () => {
        while (next < job.tokens.length) {
          const token = job.tokens[next++];
          res.write(`id: ${token?.seq}\nevent: token\ndata: ${JSON.stringify(token)}\n\n`);
        }
        if (job.done) {
          job.waiters.delete(pump);
          res.end(`event: done\ndata: {}\n\n`);
        }
      };
      job.waiters.add(pump);
      return pump();
    }
    if (match?.[2] === "/wait" && job.tokens.length <= cursor && !job.done) {
      const answer = () => {
        job.waiters.delete(answer);
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(poll(job, cursor)));
      };
      return job.waiters.add(answer);
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(poll(job, cursor)));
  });

  const wss = new WebSocketServer({ server, path: "/ws" });
  wss.on("connection", (ws) => {
    ws.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.type === "chat") {
        const text = JSON.stringify({ type: "chat", from: "x", text: message.text, at: "" });
        for (const client of wss.clients) client.send(text);
      } else if (message.type === "start") {
        const jobId = randomUUID();
        ws.send(JSON.stringify({ type: "started", jobId }));
        let next = 0;
        const job: Job = start(message.prompt, () => {
          while (next < job.tokens.length)
            ws.send(JSON.stringify({ type: "token", jobId, ...job.tokens[next++] }));
          if (job.done) ws.send(JSON.stringify({ type: "done", jobId }));
        });
      }
    });
  });
  return server;
}
