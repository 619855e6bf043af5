// POST /api/chat { provider, messages }: the BFF. Whatever the provider
// speaks, the page gets one stream: `data: <ChatEvent as JSON>` per event.
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import { encodeEvent } from "@workshop/protocol";
import { clientAddress, type StreamLimit, sendError } from "@workshop/server-kit";
import type { Express, Request, Response } from "express";
import type { z } from "zod";
import { type ChatEvent, ChatRequest } from "../protocol.ts";
import { converse } from "./converse.ts";
import type { Upstream } from "./upstreams.ts";

export interface ChatRouteOptions {
  upstream: (provider: ChatRequest["provider"]) => Upstream;
  /** Chat streams one client address may have open at once. */
  limit: StreamLimit;
  /** Silence from the provider (before headers, or between events) that ends the answer. */
  idleTimeoutMs?: number;
}

/**
 * Validates, bounds and opens the stream; `write` turns each event into the
 * route's own framing (this route's JSON, or the AI SDK's UI message stream).
 */
export async function serveChat(
  req: Request,
  res: Response,
  { upstream, limit, idleTimeoutMs }: ChatRouteOptions,
  request: ChatRequest,
  framing: { open(res: Response): { write(event: ChatEvent): void; end(): void } },
): Promise<void> {
  const client = clientAddress(req);
  const release = limit.tryOpen(client);
  if (!release) return sendError(res, 429, "too_many_streams", "Too many chats open from this client.");
  const controller = new AbortController();
  res.on("close", () => {
    release();
    controller.abort(); // Stop, or the tab closed: abort the upstream call too
  });
  const out = framing.open(res);
  try {
    await converse({
      provider: request.provider,
      upstream: upstream(request.provider),
      turns: request.messages,
      send: out.write,
      signal: controller.signal,
      idleTimeoutMs,
    });
  } catch {
    if (!controller.signal.aborted)
      out.write({
        type: "error",
        code: "upstream_failed",
        message: "The provider's stream broke off; try again.",
      });
  }
  out.end();
}

/** 400 invalid_request naming the first thing wrong with the body ("messages.3.content: Too big…"). */
export function sendInvalidRequest(res: Response, error: z.ZodError, more = ""): void {
  const issue = error.issues[0];
  sendError(res, 400, "invalid_request", `${issue?.path.join(".") || "body"}: ${issue?.message}${more}`);
}

export function addChatRoute(app: Express, options: ChatRouteOptions): void {
  app.post("/api/chat", async (req, res) => {
    const parsed = ChatRequest.safeParse(req.body);
    if (!parsed.success) return sendInvalidRequest(res, parsed.error);
    await serveChat(req, res, options, parsed.data, {
      open(res) {
        const stream = openEventStream(res); // a comment every 15 s (lesson 02's default) keeps proxies from cutting a quiet answer;
        return {
          write: (event) => void stream.send(encodeEvent({ data: JSON.stringify(event) })),
          end: () => stream.end(),
        };
      },
    });
  });
}
