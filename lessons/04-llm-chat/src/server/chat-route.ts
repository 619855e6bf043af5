// POST /api/chat: the backend-for-frontend. The page sends the conversation;
// this route calls the upstream model with the server's API key, model and
// system prompt, and streams the answer back in one format, whatever the
// provider speaks. GET /api/models lists the models the page may pick.
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import { clientAddress, type StreamLimit, sendError } from "@workshop/server-kit";
import type { Express } from "express";
import { ChatRequest, type ModelList } from "../protocol.ts";
import { createChunkWriter } from "./chunks.ts";
import { nextWithin } from "./next-within.ts";
import { allowedModels, streamUpstream, type UpstreamConfig } from "./upstream.ts";
import { publicMessage, redact, toUpstreamError, UpstreamError } from "./upstream-error.ts";

export interface ChatRouteOptions {
  upstream: () => UpstreamConfig;
  /** No answer from upstream for this long (from the moment the request is sent): give up. */
  idleTimeoutMs: number;
  /** Chat streams one client address may have open at once. */
  limit: StreamLimit;
  /** Where upstream failures are logged, redacted. */
  log: (line: string) => void;
}

export function addChatRoute(app: Express, { upstream, idleTimeoutMs, limit, log }: ChatRouteOptions): void {
  app.get("/api/models", (_req, res) => {
    const config = upstream();
    res.json({ models: allowedModels(config), default: config.model } satisfies ModelList);
  });

  // #region chat-route
  app.post("/api/chat", async (req, res) => {
    const parsed = ChatRequest.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendError(res, 400, "invalid_request", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
    }
    const config = upstream();
    const model = parsed.data.model ?? config.model;
    if (!allowedModels(config).includes(model)) {
      return sendError(
        res,
        400,
        "unknown_model",
        `model must be one of: ${allowedModels(config).join(", ")}`,
      );
    }
    const release = limit.open(clientAddress(req)); // 429 when this client has too many chats open
    // The response's 'close' (not the request's) means the user left or pressed
    // Stop: abort the upstream call so the model stops generating, and billing.
    const controller = new AbortController();
    res.on("close", () => {
      release();
      controller.abort();
    });
    // The detail goes to the log, redacted; the browser gets a fixed message.
    const fail = (error: unknown) => {
      const failure = toUpstreamError(error);
      log(`[04-llm-chat] ${failure.code}: ${redact(failure.detail, config.apiKey)}`);
      return { code: failure.code, message: publicMessage(failure, idleTimeoutMs) };
    };
    const timedOut = () => new UpstreamError("upstream_timeout", `nothing within ${idleTimeoutMs} ms`);

    // #region chat-relay
    // Nothing is sent until the first step: the timeout covers the request,
    // the headers and the first token. Headers wait for that token, so until
    // then a failure is still a plain HTTP error the page can show.
    const deltas = streamUpstream(config, model, parsed.data.messages, controller.signal);
    let step = await nextWithin(deltas, idleTimeoutMs);
    if (controller.signal.aborted) return;
    if (step.kind === "timeout") {
      controller.abort();
      const { code, message } = fail(timedOut());
      return sendError(res, 504, code, message);
    }
    if (step.kind === "error") {
      const { code, message } = fail(step.error);
      return sendError(res, 502, code, message);
    }

    const stream = openEventStream(res);
    const writer = createChunkWriter(model);
    for (;;) {
      if (step.kind === "value") {
        if (!(await stream.send(writer.content(step.value)))) return; // client gone
      } else if (step.kind === "done") {
        await stream.send(writer.finish());
        break;
      } else {
        if (controller.signal.aborted) return; // the client left: nobody to tell
        // After the first byte the status is 200 for good: report in-band.
        const { code, message } = fail(step.kind === "timeout" ? timedOut() : step.error);
        await stream.send(writer.error(code, message));
        controller.abort();
        break;
      }
      step = await nextWithin(deltas, idleTimeoutMs);
    }
    stream.end();
    // #endregion
  });
  // #endregion
}
