// diagnose(): probes the one URL it is given and returns every check's result.
// HTTP: one request as the client would make it, then (GET only, as EventSource
// would) a reconnect with Last-Event-ID from the middle, and one after the end.
// A POST is sent exactly once: re-sending a chat would be a second generation.
// WebSocket: your page's connection, and one from a foreign Origin.
import { CHECK_IDS, type CheckResult, say } from "./check.ts";
import {
  cacheCheck,
  compressionCheck,
  contentTypeCheck,
  deliveryCheck,
  endCheck,
  framingCheck,
  type HttpMode,
  heartbeatCheck,
  originCheck,
  pingCheck,
  resumeCheck,
  resumePoint,
  skipped,
  statusCheck,
  streamOpened,
  utf8Check,
  wsStatusCheck,
} from "./checks.ts";
import {
  type HttpRecording,
  type HttpRequest,
  networkReason,
  type ProbeLimits,
  recordHttp,
} from "./http-probe.ts";
import { asksForUsage, openaiCheck } from "./openai.ts";
import type { DoctorOptions } from "./options.ts";
import { FOREIGN_ORIGIN, recordWebSocket } from "./ws-probe.ts";

export type Mode = HttpMode | "websocket";

export interface Diagnosis {
  /** The URL as given, credentials masked. */
  url: string;
  mode: Mode;
  watchMs: number;
  checks: CheckResult[];
}

export type DiagnoseOptions = Omit<DoctorOptions, "url"> & { url: URL | string };

export async function diagnose(options: DiagnoseOptions): Promise<Diagnosis> {
  const url = new URL(options.url);
  const websocket = url.protocol === "ws:" || url.protocol === "wss:";
  const mode: Mode = websocket ? "websocket" : options.method === "GET" ? "event-stream" : "fetch-stream";
  const checks =
    mode === "websocket" ? await diagnoseWebSocket(url, options) : await diagnoseHttp(url, mode, options);
  return { url: maskCredentials(url), mode, watchMs: options.watchMs, checks };
}

/** user:password@ in a URL is shown as ***:***@. */
export function maskCredentials(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const masked = new URL(url.href);
  masked.username = masked.username ? "***" : "";
  masked.password = masked.password ? "***" : "";
  return masked.href;
}

/** The headers a browser's client would send, unless the user gave their own. */
function requestHeaders(options: DiagnoseOptions, mode: HttpMode): [string, string][] {
  const headers = [...options.headers];
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (!has("accept")) headers.push(["Accept", "text/event-stream"]);
  if (!has("user-agent")) headers.push(["User-Agent", "workshop-stream-doctor"]); // who probed, in the server's log
  if (mode === "event-stream" && !has("cache-control")) headers.push(["Cache-Control", "no-cache"]); // as EventSource
  if (options.data !== undefined && !has("content-type")) {
    let json = true;
    try {
      JSON.parse(options.data);
    } catch {
      json = false;
    }
    headers.push(["Content-Type", json ? "application/json" : "text/plain;charset=UTF-8"]);
  }
  return headers;
}

/** What an HTTP probe reports after `status`: CHECK_IDS' HTTP ten (openai is added with --format openai). */
const HTTP_CHECKS = CHECK_IDS.slice(CHECK_IDS.indexOf("content-type"), CHECK_IDS.indexOf("utf8") + 1);

async function diagnoseHttp(url: URL, mode: HttpMode, options: DiagnoseOptions): Promise<CheckResult[]> {
  const limits: ProbeLimits = {
    watchMs: options.watchMs,
    maxBytes: options.maxBytes,
    followRedirects: options.followRedirects,
  };
  const headers = requestHeaders(options, mode);
  const request: HttpRequest = { url, method: options.method, headers, body: options.data };
  const main = await recordHttp(request, limits, { onRead: options.onRead }); // ProbeError: exit 2
  const openai = options.format === "openai";

  const checks = [statusCheck(main, mode, options.watchMs)];
  if (!streamOpened(main)) {
    const ids = openai ? [...HTTP_CHECKS, "openai" as const] : HTTP_CHECKS;
    return [...checks, ...ids.map((id) => skipped(id, say("skip.no-stream")))];
  }
  checks.push(
    contentTypeCheck(main, mode, openai),
    compressionCheck(main),
    cacheCheck(main),
    deliveryCheck(main, options.watchMs),
    framingCheck(main),
  );

  // EventSource reconnects by itself, with Last-Event-ID: do what it would. Both at once.
  const eventSource = mode === "event-stream";
  const point = eventSource ? resumePoint(main) : undefined;
  const ended = main.end.reason === "closed" || main.end.reason === "cut";
  // Only an end the server chose is probed: after a cut, EventSource reconnecting is resume's matter.
  const closed = main.end.reason === "closed";
  const lastId = main.events.at(-1)?.lastEventId ?? "";
  const [resumed, reopened] = await Promise.all([
    point
      ? reconnect(request, limits, point.id, main.events.length - 1 - point.index, options.onRead)
      : undefined,
    eventSource && closed
      ? reconnect(request, limits, lastId, Math.max(1, main.events.length), options.onRead)
      : undefined,
  ]);
  checks.push(
    resumeCheck(main, mode, options.watchMs, point && { ...point, ...resumed }),
    endCheck(main, mode, options.watchMs, reopened && { id: lastId, ...reopened }),
    heartbeatCheck(
      { start: main.headersAt, arrivals: main.reads.map((r) => r.at), end: main.end },
      options.watchMs,
      options.idleTimeoutMs,
    ),
    utf8Check(main),
  );
  if (openai) checks.push(openaiCheck(main.events, asksForUsage(options.data), ended));
  return checks;
}

/** A reconnect as EventSource makes it (Last-Event-ID when it has one), read for a few events. */
async function reconnect(
  request: HttpRequest,
  limits: ProbeLimits,
  lastEventId: string,
  wanted: number,
  onRead?: (bytes: Uint8Array) => void,
): Promise<{ recording?: HttpRecording; error?: string }> {
  const headers = request.headers.filter(([name]) => name.toLowerCase() !== "last-event-id");
  if (lastEventId !== "") headers.push(["Last-Event-ID", lastEventId]);
  const enough = Math.min(3, wanted);
  try {
    const recording = await recordHttp({ ...request, headers }, limits, {
      enough: (r) => r.events.length >= enough,
      onRead,
    });
    return { recording };
  } catch (error) {
    return { error: networkReason(error) };
  }
}

async function diagnoseWebSocket(url: URL, options: DiagnoseOptions): Promise<CheckResult[]> {
  const limits = { watchMs: options.watchMs, maxBytes: options.maxBytes };
  const [own, foreign] = await Promise.allSettled([
    recordWebSocket({ url, headers: options.headers, origin: options.origin }, limits),
    recordWebSocket(
      { url, headers: options.headers, origin: FOREIGN_ORIGIN, stopAtFirstFrame: true },
      limits,
    ),
  ]);
  if (own.status === "rejected") throw own.reason; // unreachable: exit 2
  const recording = own.value;
  return [
    wsStatusCheck(recording, options.origin, options.watchMs),
    originCheck(
      foreign.status === "fulfilled" ? foreign.value : { error: networkReason(foreign.reason) },
      FOREIGN_ORIGIN,
    ),
    pingCheck(recording),
    recording.opened
      ? heartbeatCheck(
          { start: recording.openedAt, arrivals: recording.arrivals, end: recording.end },
          options.watchMs,
          options.idleTimeoutMs,
        )
      : skipped("heartbeat", say("skip.no-stream")),
  ];
}
