// The page's calls to lesson 01's server. Each returns the parsed body and its
// size, so the page can show what every mode costs in bytes.
import { utf8Length } from "@workshop/page-kit";
import type { ApiErrorBody, JobCreated } from "@workshop/protocol";
import type { CompleteResponse, PollResponse } from "../protocol.ts";

export interface Fetched<T> {
  body: T;
  bytes: number;
}

/** Asks for the tokens after `cursor`. Short and long polling differ only in which URL. */
export type Poll = (cursor: number, signal: AbortSignal) => Promise<Fetched<PollResponse>>;

async function requestJson<T>(url: string, init: RequestInit): Promise<Fetched<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    const message = (JSON.parse(text) as ApiErrorBody).error?.message ?? response.statusText;
    throw new Error(`${response.status}: ${message}`);
  }
  return { body: JSON.parse(text) as T, bytes: utf8Length(text) };
}

/** RequestInit for a JSON POST. */
const jsonPost = (body: unknown, signal?: AbortSignal): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
  signal,
});

// `base` is "" on the page (same origin); lesson 05 passes another server's URL.
export const complete = (prompt: string, signal: AbortSignal, base = "") =>
  requestJson<CompleteResponse>(`${base}/api/complete`, jsonPost({ prompt }, signal));

export const startJob = (prompt: string, signal: AbortSignal, base = "") =>
  requestJson<JobCreated>(`${base}/api/jobs`, jsonPost({ prompt }, signal));

/** GET /api/jobs/:id?cursor=N. `latencyMs` asks the server to be slow (a demo knob). */
export const shortPoll =
  (id: string, latencyMs = 0, base = ""): Poll =>
  (cursor, signal) =>
    requestJson(`${base}/api/jobs/${encodeURIComponent(id)}?cursor=${cursor}&latency=${latencyMs}`, {
      signal,
    });

/** GET /api/jobs/:id/wait?cursor=N: held by the server until there is news. */
export const longPoll =
  (id: string, base = ""): Poll =>
  (cursor, signal) =>
    requestJson(`${base}/api/jobs/${encodeURIComponent(id)}/wait?cursor=${cursor}`, { signal });
