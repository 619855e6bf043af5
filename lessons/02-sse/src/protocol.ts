// Lesson 02's event stream, imported by the server and the page alike.
// On the wire every event is written by @workshop/protocol's encodeEvent.
import type { Token } from "@workshop/protocol";

/** Event names, for `addEventListener(name)` on the page. */
export const EVENTS = {
  /** `id: <seq>`, data: TokenData. */
  token: "token",
  /** The reply is complete; `id` is the token count, data: DoneData. Call close() on it. */
  done: "done",
  /** GET /api/clock: data: ClockData. */
  tick: "tick",
  /** GET /api/notifications: a broadcast message, data: NoticeData. */
  notice: "notice",
  /** GET /api/notifications: how many clients are listening, data: PresenceData. */
  presence: "presence",
} as const;

export type TokenData = Token;
export interface DoneData {
  tokens: number;
}
export interface ClockData {
  /** ISO 8601 server time. */
  now: string;
}
export interface NoticeData {
  text: string;
  at: string;
}
export interface PresenceData {
  connections: number;
}
