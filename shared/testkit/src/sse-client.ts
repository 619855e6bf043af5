// Reads a text/event-stream over fetch in a test, recording everything the
// parser reports, with `waitFor` to await a condition instead of sleeping.
import { createSseParser, type SseEvent } from "@workshop/protocol";

export interface SseRecording {
  response: Response;
  events: SseEvent[];
  comments: string[];
  retries: number[];
  /** Raw bytes received, headers excluded. */
  bytes: number;
  /** Resolves once `check()` holds; rejects if the stream ends first. */
  waitFor(check: (recording: SseRecording) => boolean): Promise<void>;
  /** Resolves when the server ends the stream (or it is aborted). */
  ended: Promise<void>;
  /** Hangs up, as a closed tab would. */
  abort(): void;
}

export interface SseRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export async function connectSse(
  url: string,
  { method = "GET", headers = {}, body }: SseRequest = {},
): Promise<SseRecording> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method,
    body,
    headers: { Accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  const waiters = new Set<{
    check: (r: SseRecording) => boolean;
    resolve: () => void;
    reject: (e: Error) => void;
  }>();
  const notify = () => {
    for (const waiter of waiters) {
      if (waiter.check(recording)) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  const parser = createSseParser({
    onEvent: (event) => recording.events.push(event),
    onComment: (text) => recording.comments.push(text),
    onRetry: (ms) => recording.retries.push(ms),
  });

  const recording: SseRecording = {
    response,
    events: [],
    comments: [],
    retries: [],
    bytes: 0,
    waitFor(check) {
      if (check(recording)) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.add({ check, resolve, reject }));
    },
    ended: Promise.resolve(),
    abort: () => controller.abort(),
  };
  recording.ended = (async () => {
    const reader = response.body?.getReader();
    try {
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
        recording.bytes += read.value.length;
        parser.feed(read.value);
        notify();
      }
    } catch {
      // aborted or cut: the stream is over either way
    }
    for (const waiter of waiters) waiter.reject(new Error("the stream ended before the condition held"));
    waiters.clear();
  })();
  return recording;
}
