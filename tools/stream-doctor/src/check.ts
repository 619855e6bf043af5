// What a check reports: a fixed id, a status, one line saying what was seen and,
// when something is wrong, a hint naming the lesson that teaches the fix. Lines
// are message keys with parameters, rendered in English or Chinese at the end.
import type { MessageKey } from "./messages.ts";

/** In report order. HTTP probes report the first ten (+ openai with --format openai); WebSockets four. */
export const CHECK_IDS = [
  "status",
  "content-type",
  "compression",
  "cache",
  "delivery",
  "framing",
  "resume",
  "end",
  "heartbeat",
  "utf8",
  "origin",
  "ping",
  "openai",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type Status = "pass" | "warn" | "fail" | "skip";

/** Values for a message's {placeholders}; a Message itself is rendered in the same language. */
export type Params = { [name: string]: string | number | Message };
export interface Message {
  key: MessageKey;
  params?: Params;
}

export interface CheckResult {
  id: CheckId;
  status: Status;
  summary: Message;
  /** Only for warn and fail: what to change, and the lesson that teaches it. */
  hint?: Message;
}

export const say = (key: MessageKey, params?: Params): Message => ({ key, params });

export function check(id: CheckId, status: Status, summary: Message, hint?: Message): CheckResult {
  return status === "warn" || status === "fail" ? { id, status, summary, hint } : { id, status, summary };
}

export type Verdict = "healthy" | "warnings" | "broken";

export function verdictOf(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.status === "fail")) return "broken";
  if (checks.some((c) => c.status === "warn")) return "warnings";
  return "healthy";
}

/** "320 ms", "1.5 s", "2 m 5 s": the same in both languages. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  // Seconds up to two minutes: "60 s" and "100 s" are how idle timeouts are quoted.
  if (ms < 120_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} m ${seconds} s` : `${minutes} m`;
}

/** "1 event", "6 events": the count picks the message (Chinese has one form for both). */
export function counted(count: number, one: MessageKey, many: MessageKey): Message {
  return say(count === 1 ? one : many, { count });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
