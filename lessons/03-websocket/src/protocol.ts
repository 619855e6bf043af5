// Lesson 03's messages: one module, imported by the server and the page.
// Each shape is written once, as a schema; the TypeScript types are inferred
// from it, and every message is validated on arrival, on both sides.
import { z } from "zod";

// #region messages
export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), prompt: z.string().trim().min(1).max(4000) }),
  z.object({ type: z.literal("cancel"), jobId: z.string().min(1) }),
  z.object({ type: z.literal("resume"), jobId: z.string().min(1), afterSeq: z.int().min(-1) }),
  z.object({ type: z.literal("chat"), text: z.string().trim().min(1).max(500) }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("started"), jobId: z.string() }),
  z.object({ type: z.literal("token"), jobId: z.string(), seq: z.int(), text: z.string() }),
  z.object({ type: z.literal("done"), jobId: z.string() }),
  z.object({ type: z.literal("chat"), from: z.string(), text: z.string(), at: z.string() }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
  // Browsers answer ping frames by themselves but never show them to
  // JavaScript, so the page could not tell a quiet server from a dead one.
  // This tiny app-level beat, sent with every ping, is what it watches.
  z.object({ type: z.literal("heartbeat"), at: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
// #endregion

/** Parses and validates a frame; `error` is ready to send back as-is. */
export function parseMessage<T>(
  schema: z.ZodType<T>,
  raw: string,
): { ok: true; message: T } | { ok: false; error: Extract<ServerMessage, { type: "error" }> } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      error: { type: "error", code: "invalid_json", message: "The frame is not valid JSON." },
    };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  return {
    ok: false,
    error: { type: "error", code: "invalid_message", message: `${issue?.message ?? "Invalid"}${where}` },
  };
}

// #region close-codes
/** App-defined close code (RFC 6455 reserves 4000–4999 for applications): the page's watchdog fired. */
export const HEARTBEAT_TIMEOUT = 4000;

/** Close codes (RFC 6455 §7.4.1) and what each means for the reconnect logic. */
export const CLOSE_CODES: Record<number, string> = {
  1000: "normal closure: intentional, do not reconnect",
  1001: "going away: server shutting down or page leaving",
  1006: "abnormal: the connection dropped without a close frame",
  1008: "policy violation",
  1009: "message too big",
  1011: "server error",
  1013: "try again later: too many connections from this client",
  [HEARTBEAT_TIMEOUT]: "no message within the deadline: server presumed dead",
};
// #endregion

/** Largest frame either side accepts; bigger ones close the connection with 1009. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
