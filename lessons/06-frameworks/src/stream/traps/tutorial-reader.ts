// THE TRAP (?trap=tutorial-reader): the stream reader many chat tutorials end up
// with, kept to show what it breaks. It keeps the partial line between reads (the
// first fix everyone learns), but decodes each read on its own: `decode(value)`
// without { stream: true }. A character cut between two reads (你 is three bytes)
// becomes "�" on both sides, and `catch {}` keeps any other loss silent. It never
// checks `response.ok` or waits for [DONE] either: a refused or cut answer ends as if finished.
// Compare with lesson 04's streamChat, which reads the same wire with the shared
// event-stream parser.
import type { ChatRequest } from "@workshop/04-llm-chat/protocol";

export async function* readLikeTheTutorial(
  request: ChatRequest,
  signal: AbortSignal,
): AsyncGenerator<string> {
  const response = await fetch("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
    signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let partial = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const lines = (partial + new TextDecoder().decode(value)).split("\n"); // 💣 a new decoder per read
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue; // a CRLF line ends in "\r"
      try {
        const delta: string = JSON.parse(line.slice(6)).choices[0].delta.content ?? "";
        if (delta) yield delta;
      } catch {} // 💣 whatever went wrong, in silence
    }
  }
}
