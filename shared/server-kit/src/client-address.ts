// Who is asking, for per-client budgets. Behind the lesson's own dev proxy
// (Vite, on loopback, with xfwd on) every browser arrives from 127.0.0.1, so
// the browser's address is the last X-Forwarded-For entry: the one the proxy
// appended. Entries before it are whatever the client claimed, and are ignored.
import type { IncomingMessage } from "node:http";

const LOOPBACK = /^(127\.|::1$)/;

export function clientAddress(req: IncomingMessage): string {
  const peer = (req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
  if (!LOOPBACK.test(peer)) return peer;
  const forwarded = req.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(",").at(-1)?.trim();
  return last ? last.replace(/^::ffff:/, "") : peer;
}
