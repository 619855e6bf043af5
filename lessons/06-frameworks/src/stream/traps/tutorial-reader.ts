// THE TRAP (?trap=tutorial-reader): the stream reader many chat tutorials
// write, kept to show what it breaks. Compare with lesson 04's streamChat,
// which reads the same wire with the shared event-stream parser.
//   - decode(value) without { stream: true }: a character cut by a chunk boundary becomes "�"
//   - split("\n") on each chunk, no buffer: a line cut in two is lost; "\r" stays on CRLF lines
//   - catch {} around JSON.parse: those losses happen in silence, and the answer looks finished
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
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const line of new TextDecoder().decode(value).split("\n")) {
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
      try {
        const delta: string = JSON.parse(line.slice(6)).choices[0].delta.content ?? "";
        if (delta) yield delta;
      } catch {}
    }
  }
}
