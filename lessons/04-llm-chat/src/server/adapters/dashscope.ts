// Adapter: DashScope's native streaming format (Alibaba Cloud's Qwen API).
// Each event is `id:N` + `event:result`, and output.text is the WHOLE answer
// so far, not a delta. Appending it as-is would print "最近最近的公园…".
// The adapter turns it into deltas by cutting off what was already sent.
import { readSseEvents } from "@workshop/protocol";
import { UpstreamError } from "../upstream-error.ts";
import type { UpstreamAdapter } from "./adapter.ts";

interface DashScopeResult {
  output?: { text?: string; finish_reason?: string };
  code?: string;
  message?: string;
}

// #region dashscope-adapter
export async function* dashScopeDeltas(
  body: ReadableStream<Uint8Array>,
  maxEventChars = Number.POSITIVE_INFINITY,
): AsyncGenerator<string> {
  // #region dashscope-body
  let sent = "";
  for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
    if (event.type === "error") {
      const message = (JSON.parse(event.data) as DashScopeResult).message;
      throw new UpstreamError("upstream_failed", `in-stream error: ${message}`);
    }
    if (event.type !== "result") continue;
    const result = JSON.parse(event.data) as DashScopeResult;
    const text = result.output?.text ?? "";
    if (text.length > sent.length && text.startsWith(sent)) {
      yield text.slice(sent.length); // only the new part
      sent = text;
    }
    if (result.output?.finish_reason === "stop") return;
  }
  // No finish_reason "stop": the body was closed mid-answer, so the answer is cut, not done.
  throw new UpstreamError(
    "upstream_failed",
    'the stream ended without finish_reason "stop": the answer was cut',
  );
  // #endregion
}
// #endregion

export const dashScopeAdapter: UpstreamAdapter = {
  request: (config, model, messages) => ({
    url: config.baseUrl,
    body: { model, input: { messages } },
    headers: { "X-DashScope-SSE": "enable" },
  }),
  deltas: dashScopeDeltas,
};
