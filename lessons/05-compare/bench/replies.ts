// One reply read the way each lesson's client reads it, recording how late
// each token arrived (its text is the moment it was generated).
import { readSseEvents } from "@workshop/protocol";
import WebSocket from "ws";
import { now } from "./clock-llm.ts";

const latency = (text: string) => now() - Number(text.trim());
const json = (body: unknown) => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

async function startJob(base: string): Promise<string> {
  return ((await (await fetch(`${base}/api/jobs`, json({ prompt: "bench" }))).json()) as { id: string }).id;
}

interface Poll {
  tokens: { text: string }[];
  cursor: number;
  done: boolean;
}

async function poll(base: string, wait: boolean): Promise<number[]> {
  const id = await startJob(base);
  const out: number[] = [];
  let cursor = 0;
  for (;;) {
    const response = await fetch(`${base}/api/jobs/${id}${wait ? "/wait" : ""}?cursor=${cursor}`);
    const body = (await response.json()) as Poll;
    for (const token of body.tokens) out.push(latency(token.text));
    cursor = body.cursor;
    if (body.done) return out;
    if (!wait) await new Promise((resolve) => setTimeout(resolve, SHORT_POLL_INTERVAL_MS));
  }
}

export const SHORT_POLL_INTERVAL_MS = 20;

async function sse(base: string): Promise<number[]> {
  const id = await startJob(base);
  const out: number[] = [];
  const response = await fetch(`${base}/api/jobs/${id}/events`);
  for await (const event of readSseEvents(response.body as ReadableStream<Uint8Array>)) {
    if (event.type === "token") out.push(latency((JSON.parse(event.data) as { text: string }).text));
    if (event.type === "done") break;
  }
  return out;
}

function webSocket(base: string): Promise<number[]> {
  const ws = new WebSocket(`${base.replace("http", "ws")}/ws`);
  const out: number[] = [];
  return new Promise((resolve, reject) => {
    ws.on("open", () => ws.send(JSON.stringify({ type: "start", prompt: "bench" })));
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { type: string; text?: string };
      if (message.type === "token") out.push(latency(message.text ?? ""));
      if (message.type === "done") {
        ws.close();
        resolve(out);
      }
    });
    ws.on("error", reject);
  });
}

async function fetchStream(base: string): Promise<number[]> {
  const response = await fetch(`${base}/api/chat`, json({ messages: [{ role: "user", content: "bench" }] }));
  const out: number[] = [];
  for await (const event of readSseEvents(response.body as ReadableStream<Uint8Array>)) {
    if (event.data === "[DONE]") break;
    const content = (JSON.parse(event.data) as { choices: { delta: { content?: string } }[] }).choices[0]
      ?.delta.content;
    if (content) out.push(latency(content));
  }
  return out;
}

export const READ_REPLY: Record<string, (base: string) => Promise<number[]>> = {
  "short polling": (base) => poll(base, false),
  "long polling": (base) => poll(base, true),
  SSE: sse,
  WebSocket: webSocket,
  "fetch stream": fetchStream,
};
