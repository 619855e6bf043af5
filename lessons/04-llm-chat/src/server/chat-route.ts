// POST /api/chat: the backend-for-frontend. The page sends the conversation;
// this route calls the upstream model with the server's API key and streams
// the answer back in one format, whatever the provider speaks.
import { openEventStream, sendError } from "@workshop/server-kit";
import type { Express } from "express";
import { ChatRequest } from "../protocol.ts";
import { createChunkWriter } from "./chunks.ts";
import { nextWithin } from "./next-within.ts";
import { callUpstream, type UpstreamConfig, UpstreamError } from "./upstream.ts";

export interface ChatRouteOptions {
  upstream: () => UpstreamConfig;
  /** No token from upstream for this long: give up with a timeout error. */
  idleTimeoutMs: number;
}

export function addChatRoute(app: Express, { upstream, idleTimeoutMs }: ChatRouteOptions): void {
  // #region chat-route
  app.post("/api/chat", async (req, res) => {
    const parsed = ChatRequest.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendError(res, 400, "invalid_request", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
    }
    // The response's 'close' (not the request's) means the user left or pressed
    // Stop: abort the upstream call so the model stops generating, and billing.
    const controller = new AbortController();
    res.on("close", () => controller.abort());

    const config = upstream();
    let deltas: AsyncGenerator<string>;
    try {
      deltas = await callUpstream(config, parsed.data, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      const detail =
        error instanceof UpstreamError ? error.message : `cannot reach upstream: ${String(error)}`;
      return sendError(res, 502, "upstream_unavailable", detail);
    }

    // Headers wait for the first token: until then a failure is still a
    // plain HTTP error the page can show, instead of a half-started stream.
    let step = await nextWithin(deltas, idleTimeoutMs);
    if (controller.signal.aborted) return;
    if (step.kind === "timeout") {
      controller.abort();
      return sendError(res, 504, "upstream_timeout", `No token from upstream within ${idleTimeoutMs} ms.`);
    }
    if (step.kind === "error") return sendError(res, 502, "upstream_failed", String(step.error));

    const stream = openEventStream(res);
    const writer = createChunkWriter(parsed.data.model ?? config.model);
    for (;;) {
      if (step.kind === "value") {
        if (!(await stream.send(writer.content(step.value)))) return; // client gone
      } else if (step.kind === "done") {
        await stream.send(writer.finish());
        break;
      } else {
        // After the first byte the status is 200 for good: report in-band.
        await stream.send(
          step.kind === "timeout"
            ? writer.error("upstream_timeout", `No token from upstream for ${idleTimeoutMs} ms.`)
            : writer.error("upstream_failed", String(step.error)),
        );
        controller.abort();
        break;
      }
      step = await nextWithin(deltas, idleTimeoutMs);
    }
    stream.end();
  });
  // #endregion
}
