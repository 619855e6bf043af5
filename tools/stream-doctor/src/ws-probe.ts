// WebSocket probes with `ws` (lesson 03's library): one connection as your page
// would open it, watched for frames and asked for a pong, and one from a foreign
// Origin, as another site's page would open it with the user's cookies.
import WebSocket from "ws";
import { say } from "./check.ts";
import { networkReason, ProbeError } from "./http-probe.ts";

/** A made-up site: `.invalid` is reserved (RFC 2606), so it can never be a real page's origin. */
export const FOREIGN_ORIGIN = "https://stream-doctor.invalid";
const PING_PAYLOAD = "stream-doctor";

export interface WsLimits {
  watchMs: number;
  maxBytes: number;
}

export interface WsRecording {
  /** The upgrade was answered 101 and the socket opened. */
  opened: boolean;
  /** The HTTP status when the upgrade was refused (403, 404, a 301 not followed). */
  refusedWith?: number;
  /** No answer to the upgrade within the watch. */
  timedOut: boolean;
  openedAt: number;
  /** ms since the request: every message or ping from the server. */
  arrivals: number[];
  messages: number;
  pings: number;
  /** Our ping came back as a pong with its payload. */
  pong: boolean;
  /** `closed`: a close frame; `cut`: the connection dropped without one (1006). */
  end: { reason: "closed" | "cut" | "watch" | "bytes"; at: number; code?: number };
}

export interface WsRequest {
  url: URL;
  headers: [string, string][];
  origin?: string;
  /** For the foreign-Origin probe: stop at the first frame or close, whichever comes first. */
  stopAtFirstFrame?: boolean;
}

export function recordWebSocket(request: WsRequest, limits: WsLimits): Promise<WsRecording> {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const recording: WsRecording = {
    opened: false,
    timedOut: false,
    openedAt: 0,
    arrivals: [],
    messages: 0,
    pings: 0,
    pong: false,
    end: { reason: "watch", at: 0 },
  };
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let settled = false;
    const ws = new WebSocket(request.url, {
      headers: Object.fromEntries(request.headers),
      origin: request.origin,
      maxPayload: limits.maxBytes,
      followRedirects: false, // a redirect is reported, never followed
    });
    const finish = (end: WsRecording["end"]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      recording.end = end;
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
      resolve(recording);
    };
    // The watch bounds the handshake, then, from the moment the socket opens, how long it is watched.
    const expire = () => {
      if (!recording.opened) recording.timedOut = true;
      finish({ reason: "watch", at: since() });
    };
    let timer = setTimeout(expire, limits.watchMs);

    ws.on("unexpected-response", (req, res) => {
      recording.refusedWith = res.statusCode;
      res.resume();
      req.destroy();
      finish({ reason: "closed", at: since() });
    });
    ws.on("open", () => {
      recording.opened = true;
      recording.openedAt = since();
      clearTimeout(timer);
      timer = setTimeout(expire, limits.watchMs);
      if (!request.stopAtFirstFrame) ws.ping(PING_PAYLOAD);
    });
    const arrived = (size: number) => {
      recording.arrivals.push(since());
      bytes += size;
      if (request.stopAtFirstFrame) finish({ reason: "watch", at: since() });
      else if (bytes >= limits.maxBytes) finish({ reason: "bytes", at: since() });
    };
    ws.on("message", (data: WebSocket.RawData) => {
      recording.messages++;
      arrived(Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength);
    });
    ws.on("ping", (data: Buffer) => {
      recording.pings++;
      arrived(data.length);
    });
    ws.on("pong", (data: Buffer) => {
      if (data.toString() === PING_PAYLOAD) recording.pong = true;
    });
    ws.on("close", (code: number) => {
      finish({ reason: code === 1006 ? "cut" : "closed", at: since(), code });
    });
    ws.on("error", (error: Error) => {
      if (settled) return;
      if (!recording.opened && recording.refusedWith === undefined && !recording.timedOut) {
        settled = true;
        clearTimeout(timer);
        reject(new ProbeError(say("probe.unreachable", { reason: networkReason(error) })));
        return;
      }
      finish({ reason: "cut", at: since() });
    });
  });
}
