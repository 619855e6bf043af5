// What every mock format shares: an event stream on the response (lesson 02's
// headers), a signal that aborts when the BFF hangs up (so the mock stops
// "generating", like a provider), and the shared mock LLM.
import { openEventStream } from "@workshop/02-sse/server/event-stream.ts";
import type { MockLlm } from "@workshop/mock-llm";
import { encodeEvent } from "@workshop/protocol";
import type { Response } from "express";

export interface MockContext {
  llm: MockLlm;
  /** Streams being generated right now, across formats (the tests' "stopped upstream" proof). */
  running: { count: number };
}

export function openMockStream(res: Response, context: MockContext) {
  const controller = new AbortController();
  context.running.count++;
  res.on("close", () => {
    context.running.count--;
    controller.abort(); // the BFF hung up: stop generating
  });
  const stream = openEventStream(res, { heartbeatMs: 0 });
  return {
    signal: controller.signal,
    send: (event: { event?: string; data: string }) => stream.send(encodeEvent(event)),
    end: () => stream.end(),
  };
}
