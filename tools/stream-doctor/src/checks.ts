// The checks, as pure functions of what the probes recorded: no I/O here, so
// each verdict is a rule you can read, and the tests judge what happened.
import type { SseEvent } from "@workshop/protocol";
import { type CheckResult, check, counted, formatBytes, formatMs, type Message, say } from "./check.ts";
import type { HttpRecording, RecordedEvent } from "./http-probe.ts";
import type { WsRecording } from "./ws-probe.ts";

/** GET is what EventSource does; any other method is a fetch() stream (a chat). */
export type HttpMode = "event-stream" | "fetch-stream";

const EVENT_STREAM = "text/event-stream";

export function essenceOf(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** A response that carries a stream: 2xx with a body, not a redirect left unfollowed. */
export function streamOpened(main: HttpRecording): boolean {
  return main.status !== undefined && main.status >= 200 && main.status < 300 && main.status !== 204;
}

const oneLine = (text: string, max = 120) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

export function statusCheck(main: HttpRecording, mode: HttpMode, watchMs: number): CheckResult {
  const hint = say(mode === "event-stream" ? "hint.status" : "hint.status-fetch");
  if (main.status === undefined)
    return check("status", "fail", say("status.no-answer", { watch: formatMs(watchMs) }), hint);
  const last = main.redirects.at(-1);
  if (last && !last.followed)
    return check(
      "status",
      "fail",
      say("status.redirect-not-followed", { status: last.status, to: last.to }),
      say("hint.redirect"),
    );
  if (main.status >= 300 && main.status < 400)
    return check(
      "status",
      "fail",
      say("status.redirect-stopped", { status: main.status, count: main.redirects.length }),
      say("hint.redirect"),
    );
  const text = `${main.status} ${main.statusText}`.trim();
  if (main.status === 204) return check("status", "fail", say("status.no-content", { status: text }), hint);
  if (main.status < 200 || main.status >= 300) {
    const body = oneLine(main.sample);
    return check(
      "status",
      "fail",
      say(body ? "status.error-body" : "status.error", { status: text, body }),
      hint,
    );
  }
  if (mode === "event-stream" && main.status !== 200)
    return check("status", "fail", say("status.not-200", { status: text }), hint);
  if (main.redirects.length > 0) {
    const via = main.redirects.map((r) => `${r.status} → ${r.to}`).join(", ");
    return check("status", "pass", say("status.ok-redirected", { status: text, via }));
  }
  return check("status", "pass", say("status.ok", { status: text }));
}

export function contentTypeCheck(main: HttpRecording, mode: HttpMode, openai: boolean): CheckResult {
  const type = main.headers.get("content-type") ?? "";
  const essence = essenceOf(type);
  const shown = type || "(none)";
  if (essence === EVENT_STREAM) {
    const charset = /charset\s*=\s*"?([^";]+)/i.exec(type)?.[1]?.trim().toLowerCase();
    if (charset && charset !== "utf-8" && charset !== "utf8")
      return check("content-type", "warn", say("content-type.charset", { type }), say("hint.charset"));
    return check("content-type", "pass", say("content-type.ok", { type }));
  }
  if (mode === "event-stream" || openai)
    return check(
      "content-type",
      "fail",
      say(
        mode === "event-stream" ? "content-type.not-event-stream" : "content-type.not-event-stream-openai",
        {
          type: shown,
        },
      ),
      say("hint.content-type"),
    );
  if (essence === "application/json")
    return check("content-type", "warn", say("content-type.json", { type }), say("hint.content-type-json"));
  return check("content-type", "pass", say("content-type.fetch-any", { type: shown }));
}

export function compressionCheck(main: HttpRecording): CheckResult {
  const encoding = main.headers.get("content-encoding")?.trim();
  if (!encoding || encoding.toLowerCase() === "identity")
    return check("compression", "pass", say("compression.none"));
  return check("compression", "warn", say("compression.encoded", { encoding }), say("hint.compression"));
}

export function cacheCheck(main: HttpRecording): CheckResult {
  const value = main.headers.get("cache-control") ?? "";
  const directives = value
    .toLowerCase()
    .split(",")
    .map((d) => d.trim());
  const missing = [
    directives.includes("no-cache") || directives.includes("no-store") ? "" : "no-cache",
    directives.includes("no-transform") ? "" : "no-transform",
  ].filter(Boolean);
  const accel = main.headers.get("x-accel-buffering");
  const shown = `${value || "(none)"}${accel ? `; X-Accel-Buffering: ${accel}` : ""}`;
  if (missing.length === 0) return check("cache", "pass", say("cache.ok", { value: shown }));
  return check(
    "cache",
    "warn",
    say("cache.missing", { value: shown, missing: missing.join(", ") }),
    say("hint.cache"),
  );
}

/**
 * Streamed or held back, judged by what arrived and how, not by a clock: a held-back
 * stream delivers its events together, in one or two reads at the end.
 */
export function deliveryCheck(main: HttpRecording, watchMs: number): CheckResult {
  const sse = main.events.length > 0 || essenceOf(main.headers.get("content-type")) === EVENT_STREAM;
  // A stream that is not SSE (NDJSON, plain text) is counted in lines instead.
  const units = sse ? main.events.length : main.reads.reduce((n, r) => n + r.lines, 0);
  const carrying = main.reads.filter((r) => (sse ? r.events : r.lines) > 0).length;
  const unit = sse ? counted(units, "unit.event", "unit.events") : counted(units, "unit.line", "unit.lines");
  const ended = main.end.reason === "closed" || main.end.reason === "cut";
  const firstUnit = sse ? main.events[0]?.at : main.reads.find((r) => r.lines > 0)?.at;
  const params = {
    units: unit,
    reads: counted(carrying, "unit.read", "unit.reads"),
    firstByte: formatMs(main.reads[0]?.at ?? main.headersAt),
    firstEvent: firstUnit === undefined ? "—" : formatMs(firstUnit),
    gap: formatMs(
      largestGap(
        main.headersAt,
        main.reads.map((r) => r.at),
        main.end.at,
      ),
    ),
  };
  const hint = say("hint.delivery");
  if (units === 0) {
    if (ended) return check("delivery", "skip", say("delivery.empty"));
    return check("delivery", "warn", say("delivery.nothing-yet", { watch: formatMs(watchMs) }), hint);
  }
  if (units < 4) return check("delivery", "skip", say("delivery.too-few", { units: unit }));
  if (carrying <= 2) {
    if (ended) return check("delivery", "fail", say("delivery.buffered", params), hint);
    return check("delivery", "warn", say("delivery.lumps-open", params), hint);
  }
  if (units / carrying >= 8) return check("delivery", "warn", say("delivery.lumps", params), hint);
  return check("delivery", "pass", say("delivery.streamed", params));
}

function largestGap(start: number, arrivals: number[], end: number): number {
  let largest = 0;
  let previous = start;
  for (const at of [...arrivals, end]) {
    largest = Math.max(largest, at - previous);
    previous = at;
  }
  return largest;
}

const countsOf = (types: string[]) => {
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${type} ×${n}`).join(", ");
};

export function framingCheck(main: HttpRecording): CheckResult {
  const hint = say("hint.framing");
  const events = main.events;
  const isEventStream = essenceOf(main.headers.get("content-type")) === EVENT_STREAM;
  if (main.bytes === 0) return check("framing", "skip", say("framing.empty"));
  if (events.length === 0 && !isEventStream && main.comments === 0 && main.retries.length === 0)
    return check(
      "framing",
      "skip",
      say("framing.not-sse", { type: main.headers.get("content-type") ?? "(none)" }),
    );
  if (main.ignored.some((i) => i.reason === "buffer-overflow"))
    return check("framing", "fail", say("framing.overflow", { size: formatBytes(main.bytes) }), hint);
  if (main.unterminated) return check("framing", "fail", say("framing.unterminated"), hint);
  const ended = main.end.reason === "closed" || main.end.reason === "cut";
  if (events.length === 0 && main.comments === 0 && main.retries.length === 0)
    return check(
      "framing",
      ended ? "fail" : "warn",
      say("framing.no-events", { size: formatBytes(main.bytes) }),
      hint,
    );
  const retry = main.retries.length ? formatMs(main.retries.at(-1) as number) : "—";
  if (events.length === 0 && main.ignored.length === 0)
    return check(
      "framing",
      "skip",
      say("framing.none-yet", { retry, comments: counted(main.comments, "unit.comment", "unit.comments") }),
    );
  const ids = events.map((e) => e.lastEventId).filter((id) => id !== "");
  const params = {
    events: counted(events.length, "unit.event", "unit.events"),
    types: countsOf(events.map((e) => e.type)) || "—",
    ids: ids.length === 0 ? "—" : ids[0] === ids.at(-1) ? (ids[0] as string) : `${ids[0]}…${ids.at(-1)}`,
    retry,
    comments: counted(main.comments, "unit.comment", "unit.comments"),
  };
  const ignored = main.ignored.filter((i) => i.reason !== "buffer-overflow");
  if (ignored.length > 0)
    return check(
      "framing",
      "warn",
      say("framing.ignored", { ...params, count: ignored.length, line: oneLine(ignored[0]?.line ?? "", 60) }),
      hint,
    );
  return check("framing", "pass", say("framing.ok", params));
}

const sameEvent = (a: SseEvent | undefined, b: SseEvent | undefined) =>
  a !== undefined &&
  b !== undefined &&
  a.type === b.type &&
  a.data === b.data &&
  a.lastEventId === b.lastEventId;

/** Where a resume probe should start: the middle event that has an id and is followed by another. */
export function resumePoint(main: HttpRecording): { index: number; id: string } | undefined {
  const candidates = main.events
    .map((event, index) => ({ index, id: event.lastEventId }))
    .filter(({ index, id }) => id !== "" && index < main.events.length - 1);
  return candidates[Math.floor((candidates.length - 1) / 2)];
}

export function resumeCheck(
  main: HttpRecording,
  mode: HttpMode,
  watchMs: number,
  probe?: { id: string; index: number; recording?: HttpRecording; error?: string },
): CheckResult {
  if (mode === "fetch-stream") return check("resume", "skip", say("resume.fetch"));
  const ended = main.end.reason === "closed" || main.end.reason === "cut";
  if (main.events.length === 0) return check("resume", "skip", say("resume.no-events"));
  if (main.events.every((e) => e.lastEventId === ""))
    return check(
      "resume",
      ended ? "fail" : "warn",
      say(ended ? "resume.no-ids-ended" : "resume.no-ids-open", {
        events: counted(main.events.length, "unit.event", "unit.events"),
      }),
      say("hint.resume-ids"),
    );
  const hint = say("hint.resume");
  if (!probe) return check("resume", "skip", say("resume.too-few"));
  const sent = probe.id;
  if (probe.error || !probe.recording)
    return check("resume", "warn", say("resume.failed", { sent, reason: probe.error ?? "?" }), hint);
  const again = probe.recording;
  if (again.status !== 200 || essenceOf(again.headers.get("content-type")) !== EVENT_STREAM)
    return check(
      "resume",
      "fail",
      say("resume.refused", { sent, status: again.status === undefined ? "—" : `${again.status}` }),
      hint,
    );
  const expected = main.events.slice(probe.index + 1);
  const got = again.events;
  if (got.length === 0)
    return check("resume", "warn", say("resume.nothing", { sent, watch: formatMs(watchMs) }), hint);
  const next = expected[0] as RecordedEvent;
  const compared = Math.min(got.length, expected.length);
  if (got.slice(0, compared).every((event, i) => sameEvent(event, expected[i])))
    return check("resume", "pass", say("resume.exact", { sent, next: next.lastEventId, count: compared }));
  const first = got[0] as RecordedEvent;
  if (sameEvent(first, main.events[0]))
    return check("resume", "fail", say("resume.restarts", { sent, first: first.lastEventId || "—" }), hint);
  if (first.lastEventId === next.lastEventId)
    return check("resume", "warn", say("resume.data-differs", { sent, next: next.lastEventId }), hint);
  return check(
    "resume",
    "fail",
    say("resume.elsewhere", { sent, got: first.lastEventId || "—", expected: next.lastEventId }),
    hint,
  );
}

const FINAL_TYPES = /^(done|end|finish|finished|complete|completed|message_stop|response\.completed|close)$/i;

/** An event that says "this is the end": [DONE], a done/finish event, a finish_reason. */
export function isFinalEvent(event: SseEvent): boolean {
  if (event.data.trim() === "[DONE]" || FINAL_TYPES.test(event.type)) return true;
  if (event.data.length > 65_536 || !event.data.startsWith("{")) return false;
  try {
    const json = JSON.parse(event.data) as { type?: unknown; choices?: { finish_reason?: unknown }[] };
    if (typeof json.type === "string" && FINAL_TYPES.test(json.type)) return true;
    return Array.isArray(json.choices) && json.choices.some((c) => c?.finish_reason);
  } catch {
    return false;
  }
}

export function endCheck(
  main: HttpRecording,
  mode: HttpMode,
  watchMs: number,
  probe?: { id: string; recording?: HttpRecording; error?: string },
): CheckResult {
  const how = say(main.end.reason === "cut" ? "how.cut" : "how.closed", { detail: main.end.detail ?? "—" });
  if (main.end.reason !== "closed" && main.end.reason !== "cut")
    return check("end", "skip", say("end.still-open", { watch: formatMs(watchMs) }));
  const final = main.events.slice(-3).findLast(isFinalEvent);
  if (mode === "fetch-stream") {
    if (main.end.reason === "cut")
      return check("end", "fail", say("end.fetch-cut", { how }), say("hint.end-fetch"));
    if (final) return check("end", "pass", say("end.fetch-final", { marker: markerOf(final) }));
    return check("end", "warn", say("end.fetch-no-final"), say("hint.end-fetch"));
  }
  if (main.end.reason === "cut") return check("end", "warn", say("end.cut", { how }), say("hint.heartbeat"));
  const hint = say("hint.end");
  // EventSource sends Last-Event-ID only when it has one.
  const sent = probe?.id ? say("sent.id", { id: probe.id }) : say("sent.none");
  if (!probe || probe.error || !probe.recording)
    return check("end", "warn", say("end.reconnect-failed", { how, reason: probe?.error ?? "?" }), hint);
  const again = probe.recording;
  if (again.status === 204) return check("end", "pass", say("end.reconnect-204", { how, sent }));
  if (again.status !== 200 || essenceOf(again.headers.get("content-type")) !== EVENT_STREAM)
    return check(
      "end",
      "warn",
      say("end.reconnect-error", { how, sent, status: again.status === undefined ? "—" : `${again.status}` }),
      hint,
    );
  const first = again.events[0];
  if (first) {
    if (sameEvent(first, main.events[0]))
      return check("end", "fail", say("end.restarts", { how, sent, count: again.events.length }), hint);
    if (main.events.some((e) => sameEvent(e, first)))
      return check("end", "fail", say("end.repeats", { how, sent, id: first.lastEventId || "—" }), hint);
    return check("end", "pass", say("end.continues", { how, sent, id: first.lastEventId || "—" }));
  }
  const retry = formatMs(main.retries.at(-1) ?? 3000);
  if (again.end.reason === "closed" || again.end.reason === "cut")
    return check("end", "warn", say("end.reconnect-empty-closed", { how, sent, retry }), hint);
  return check("end", "warn", say("end.reconnect-empty-open", { how, sent, watch: formatMs(watchMs) }), hint);
}

function markerOf(event: SseEvent): string {
  if (event.data.trim() === "[DONE]") return "data: [DONE]";
  if (event.type !== "message") return `event: ${event.type}`;
  try {
    const json = JSON.parse(event.data) as { type?: unknown; choices?: { finish_reason?: unknown }[] };
    const reason = json.choices?.find((c) => c?.finish_reason)?.finish_reason;
    if (reason) return `finish_reason "${reason}"`;
    if (typeof json.type === "string") return `type "${json.type}"`;
  } catch {}
  return oneLine(event.data, 60);
}

/** When data arrived (reads, frames), from the moment the stream opened to the moment it stopped. */
export interface Timeline {
  start: number;
  arrivals: number[];
  end: { reason: string; at: number; detail?: string };
}

/**
 * The longest silence, against the idle timeout. A silence counts up to the end
 * of the watch or the close, so a stream that never speaks again is measured by
 * our own clock: at least the watch, however slow the machine.
 */
export function heartbeatCheck(timeline: Timeline, watchMs: number, idleTimeoutMs: number): CheckResult {
  const hint = say("hint.heartbeat");
  const limit = formatMs(idleTimeoutMs);
  let longest = 0;
  let previous = timeline.start;
  for (const at of timeline.arrivals) {
    longest = Math.max(longest, at - previous);
    previous = at;
  }
  const trailing = timeline.end.at - previous;
  const ended = timeline.end.reason === "closed" || timeline.end.reason === "cut";
  const how = say(timeline.end.reason === "cut" ? "how.cut" : "how.closed", {
    detail: timeline.end.detail ?? "—",
  });
  if (Math.max(longest, trailing) >= idleTimeoutMs) {
    // The silence at the end is the finding whenever it reached the limit itself: a proxy cut
    // there. Which of two long silences lasted a few ms longer says nothing about the stream.
    if (trailing < idleTimeoutMs)
      return check("heartbeat", "fail", say("heartbeat.silent-mid", { gap: formatMs(longest), limit }), hint);
    return check(
      "heartbeat",
      "fail",
      ended
        ? say("heartbeat.silent-then-end", { gap: formatMs(trailing), how, limit })
        : say("heartbeat.silent-at-watch", { gap: formatMs(trailing), limit }),
      hint,
    );
  }
  longest = Math.max(longest, trailing);
  if (timeline.end.reason === "cut")
    return check("heartbeat", "warn", say("heartbeat.cut-early", { gap: formatMs(trailing), limit }), hint);
  if (timeline.end.reason === "closed")
    return check(
      "heartbeat",
      "pass",
      say("heartbeat.ended", {
        gap: formatMs(longest),
        limit,
        duration: formatMs(timeline.end.at - timeline.start),
      }),
    );
  // Still open. Watched for as long as the timeout: conclusive.
  if (timeline.end.at - timeline.start >= idleTimeoutMs)
    return check("heartbeat", "pass", say("heartbeat.watched", { gap: formatMs(longest), limit }));
  // A shorter watch cannot see a 60 s silence. A stream that spoke more than once, and again in
  // the second half of the watch, has not gone quiet; one that has not is left in doubt.
  const watched = timeline.end.at - timeline.start;
  if (timeline.arrivals.length >= 2 && trailing < watched / 2)
    return check(
      "heartbeat",
      "pass",
      say("heartbeat.speaks", { gap: formatMs(longest), limit, count: timeline.arrivals.length }),
    );
  return check(
    "heartbeat",
    "warn",
    say("heartbeat.quiet", { gap: formatMs(trailing), watch: formatMs(watchMs), limit }),
    hint,
  );
}

export function utf8Check(main: HttpRecording): CheckResult {
  const { multiByte, splitReads, invalid } = main.utf8;
  if (invalid) return check("utf8", "fail", say("utf8.invalid"), say("hint.utf8"));
  if (multiByte === 0) return check("utf8", "skip", say("utf8.none"));
  if (splitReads > 0)
    return check(
      "utf8",
      "pass",
      say("utf8.split", { split: counted(splitReads, "unit.read", "unit.reads"), chars: multiByte }),
    );
  return check("utf8", "pass", say("utf8.whole", { chars: multiByte }));
}

// WebSocket

export function wsStatusCheck(own: WsRecording, origin: string | undefined, watchMs: number): CheckResult {
  const sent = origin ? say("ws.origin-sent", { origin }) : say("ws.origin-none");
  if (own.opened) return check("status", "pass", say("ws.status.open", { sent }));
  if (own.refusedWith !== undefined)
    return check(
      "status",
      "fail",
      say("ws.status.refused", { status: own.refusedWith, sent }),
      say(origin ? "hint.ws-status" : "hint.ws-status-origin"),
    );
  return check(
    "status",
    "fail",
    say("ws.status.timeout", { watch: formatMs(watchMs) }),
    say("hint.ws-status"),
  );
}

export function originCheck(foreign: WsRecording | { error: string }, origin: string): CheckResult {
  if ("error" in foreign)
    return check("origin", "skip", say("origin.unknown", { origin, reason: foreign.error }));
  if (foreign.refusedWith !== undefined)
    return check("origin", "pass", say("origin.refused", { origin, status: foreign.refusedWith }));
  if (
    foreign.opened &&
    foreign.messages === 0 &&
    foreign.end.reason === "closed" &&
    isPolicyClose(foreign.end.code)
  )
    return check("origin", "pass", say("origin.closed", { origin, code: foreign.end.code ?? "—" }));
  if (foreign.opened) return check("origin", "fail", say("origin.accepted", { origin }), say("hint.origin"));
  return check("origin", "skip", say("origin.no-answer", { origin }));
}

/** 1008 "policy violation", or an application code (4000–4999) a server may use to refuse. */
const isPolicyClose = (code?: number) => code === 1008 || (code !== undefined && code >= 4000 && code < 5000);

export function pingCheck(own: WsRecording): CheckResult {
  if (!own.opened) return check("ping", "skip", say("ping.not-open"));
  if (own.pong) return check("ping", "pass", say("ping.pong"));
  return check(
    "ping",
    "fail",
    say("ping.none", { watch: formatMs(own.end.at - own.openedAt) }),
    say("hint.ping"),
  );
}

export const skipped = (id: CheckResult["id"], why: Message): CheckResult => check(id, "skip", why);
