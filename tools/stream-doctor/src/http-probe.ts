// One HTTP exchange, recorded for the checks: the status and headers, then every
// read of the body with what the workshop's SSE parser made of it. Bounded: it
// stops at the watch, at the byte limit, or as soon as the caller has enough.
import { createSseParser, type SseEvent, type SseIgnoredLine } from "@workshop/protocol";
import { type Message, say } from "./check.ts";
import { createUtf8Tally } from "./utf8.ts";

export interface HttpRequest {
  url: URL;
  method: string;
  headers: [string, string][];
  body?: string;
}

export interface ProbeLimits {
  watchMs: number;
  maxBytes: number;
  followRedirects: boolean;
}

export interface Redirect {
  status: number;
  from: string;
  to: string;
  followed: boolean;
  /** To another origin (scheme, host or port). */
  crossOrigin: boolean;
}

export interface Read {
  /** ms since the request was sent */
  at: number;
  bytes: number;
  /** Events the parser dispatched from this read. */
  events: number;
  /** Line feeds in it: how a stream that is not SSE (NDJSON, plain text) is counted. */
  lines: number;
}

export interface RecordedEvent extends SseEvent {
  /** Index of the read that completed it. */
  read: number;
  at: number;
}

/**
 * How the body stopped being read. `closed`: the server finished the response;
 * `cut`: the connection broke before it did (a proxy's timeout, a crash);
 * `watch`, `bytes`: our own bounds; `enough`: the caller had what it needed.
 */
export type EndReason = "closed" | "cut" | "watch" | "bytes" | "enough";

export interface HttpRecording {
  /** The URL finally answered (after same-origin redirects). */
  url: string;
  redirects: Redirect[];
  /** Undefined: no response headers within the watch. */
  status?: number;
  statusText: string;
  headers: Headers;
  headersAt: number;
  reads: Read[];
  events: RecordedEvent[];
  comments: number;
  retries: number[];
  ignored: SseIgnoredLine[];
  /** The response ended with an event that had no blank line after it: never dispatched. */
  unterminated: boolean;
  bytes: number;
  utf8: { multiByte: number; splitReads: number; invalid: boolean };
  end: { reason: EndReason; at: number; detail?: string };
  /** The start of a body that is not a stream (an error page), for the status line. */
  sample: string;
}

/** The URL could not be probed at all (refused, unknown host, TLS): exit 2. */
export class ProbeError extends Error {
  constructor(readonly reason: Message) {
    super(String(reason.params?.reason ?? reason.key));
    this.name = "ProbeError";
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Credentials are never carried to another origin (as fetch() itself does on a redirect). */
const CREDENTIAL_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);

export interface RecordOptions {
  /** Stop reading once this holds (the resume and end probes need only a few events). */
  enough?: (recording: HttpRecording) => boolean;
  onRead?: (bytes: Uint8Array) => void;
}

/** Why fetch() failed, in a few words: "ECONNREFUSED", "ENOTFOUND", a TLS error. */
export function networkReason(error: unknown): string {
  const { code, cause, message } = error as {
    code?: string;
    cause?: { code?: string; message?: string };
    message?: string;
  };
  return cause?.code ?? code ?? cause?.message ?? message ?? String(error);
}

export async function recordHttp(
  request: HttpRequest,
  limits: ProbeLimits,
  options: RecordOptions = {},
): Promise<HttpRecording> {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  // The watch bounds the wait for headers (redirects included), then, from the
  // moment the stream opens, how long it is listened to.
  let watchOver = false;
  const expire = () => {
    watchOver = true;
    controller.abort();
  };
  let timer = setTimeout(expire, limits.watchMs);

  const recording: HttpRecording = {
    url: request.url.href,
    redirects: [],
    statusText: "",
    headers: new Headers(),
    headersAt: 0,
    reads: [],
    events: [],
    comments: 0,
    retries: [],
    ignored: [],
    unterminated: false,
    bytes: 0,
    utf8: { multiByte: 0, splitReads: 0, invalid: false },
    end: { reason: "watch", at: 0 },
    sample: "",
  };

  try {
    const response = await fetchFollowing(request, limits, controller.signal, recording);
    if (!response) {
      recording.end = { reason: "watch", at: since() };
      return recording;
    }
    recording.status = response.status;
    recording.statusText = response.statusText;
    recording.headers = response.headers;
    recording.headersAt = since();
    clearTimeout(timer);
    timer = setTimeout(expire, limits.watchMs);
    if (!response.body) {
      recording.end = { reason: "closed", at: since() };
      return recording;
    }
    await readBody(response.body, recording, limits, options, since, () => watchOver);
    return recording;
  } finally {
    clearTimeout(timer);
  }
}

/** fetch() with redirects handled by hand: same-origin ones followed, others only when asked. */
async function fetchFollowing(
  request: HttpRequest,
  limits: ProbeLimits,
  signal: AbortSignal,
  recording: HttpRecording,
): Promise<Response | undefined> {
  let url = request.url;
  let method = request.method;
  let body = request.body;
  let headers = request.headers;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body, redirect: "manual", signal });
    } catch (error) {
      if (signal.aborted) return undefined; // no answer within the watch: a finding, not a probe error
      throw new ProbeError(say("probe.unreachable", { reason: networkReason(error) }));
    }
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null || hop === MAX_REDIRECTS) return response;
    const next = new URL(location, url);
    const crossOrigin = next.origin !== url.origin;
    const follow = !crossOrigin || limits.followRedirects;
    recording.redirects.push({
      status: response.status,
      from: url.href,
      to: next.href,
      followed: follow,
      crossOrigin,
    });
    if (!follow) return response;
    await response.body?.cancel().catch(() => {});
    // 303, and 301/302 after a POST, continue as a GET without a body (as fetch() does).
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      method = "GET";
      body = undefined;
    }
    if (crossOrigin) headers = headers.filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase()));
    url = next;
    recording.url = next.href;
  }
}

async function readBody(
  body: ReadableStream<Uint8Array>,
  recording: HttpRecording,
  limits: ProbeLimits,
  options: RecordOptions,
  since: () => number,
  watchOver: () => boolean,
): Promise<void> {
  const reader = body.getReader();
  const utf8 = createUtf8Tally();
  const sampling = recording.status === undefined || recording.status < 200 || recording.status >= 300;
  const sampler = new TextDecoder();
  let dispatched = 0;
  let parsingTail = false;
  const parser = createSseParser({
    onEvent: (event) => {
      dispatched++;
      if (parsingTail) {
        recording.unterminated = true;
        return;
      }
      recording.events.push({ ...event, read: recording.reads.length, at: since() });
    },
    onComment: () => recording.comments++,
    onRetry: (ms) => recording.retries.push(ms),
    onError: (ignored) => {
      if (recording.ignored.length < 20) recording.ignored.push(ignored);
    },
    maxBufferSize: limits.maxBytes,
  });
  const finishUtf8 = () => {
    recording.utf8 = { multiByte: utf8.multiByte, splitReads: utf8.splitReads, invalid: utf8.invalid };
  };

  try {
    for (;;) {
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await reader.read();
      } catch (error) {
        const reason = watchOver() ? "watch" : "cut";
        const cause = (error as { cause?: { message?: string } }).cause?.message; // "other side closed"
        recording.end = {
          reason,
          at: since(),
          detail: reason === "cut" ? (cause ?? networkReason(error)) : undefined,
        };
        break;
      }
      if (result.done) {
        utf8.finish();
        // What the server left without a blank line: EventSource never dispatches it.
        parsingTail = true;
        parser.feed("\n\n");
        recording.end = { reason: "closed", at: since() };
        break;
      }
      const room = limits.maxBytes - recording.bytes;
      const bytes = result.value.length > room ? result.value.subarray(0, room) : result.value;
      recording.bytes += bytes.length;
      const before = dispatched;
      parser.feed(bytes);
      utf8.add(bytes);
      if (sampling && recording.sample.length < 300)
        recording.sample += sampler.decode(bytes, { stream: true }).slice(0, 300);
      let lines = 0;
      for (const byte of bytes) if (byte === 10) lines++;
      recording.reads.push({ at: since(), bytes: bytes.length, events: dispatched - before, lines });
      options.onRead?.(bytes);
      if (recording.bytes >= limits.maxBytes) {
        recording.end = { reason: "bytes", at: since() };
        break;
      }
      if (options.enough?.(recording)) {
        recording.end = { reason: "enough", at: since() };
        break;
      }
    }
  } finally {
    finishUtf8();
    // Closing our side early is how a client says "no more": the server sees it leave.
    if (recording.end.reason !== "closed" && recording.end.reason !== "cut")
      await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
