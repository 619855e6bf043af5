// Adapter: DashScope's native streaming format (Alibaba Cloud's Qwen API).
// Each event is `id:N` + `event:result`, and output.text is the WHOLE answer
// so far, not a delta. Appending it as-is would print "最近最近的公园…".
// The adapter turns it into deltas by cutting off what was already sent.
import { readSseEvents } from "@workshop/protocol";

interface DashScopeResult {
  output?: { text?: string; finish_reason?: string };
  code?: string;
  message?: string;
}

// #region dashscope-adapter
export async function* dashScopeDeltas(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let sent = "";
  for await (const event of readSseEvents(body)) {
    if (event.type === "error")
      throw new Error((JSON.parse(event.data) as DashScopeResult).message ?? "upstream error");
    if (event.type !== "result") continue;
    const result = JSON.parse(event.data) as DashScopeResult;
    const text = result.output?.text ?? "";
    if (text.length > sent.length && text.startsWith(sent)) {
      yield text.slice(sent.length); // only the new part
      sent = text;
    }
    if (result.output?.finish_reason === "stop") return;
  }
}
// #endregion
