// THE FIX, by hand: the three habits the tutorial readers (naive-parsers.ts)
// each miss, in the fewest lines that survive any chunking a network does.
// Enough for an OpenAI-style chat stream of one-line `data:` events; the page
// uses readSseEvents (shared/protocol), which also handles multi-line data,
// comments, `id`, `retry` and a bounded buffer (WHATWG HTML §9.2.6).
import { contentOf, type NaiveResult } from "./naive-parsers.ts";

export function readCarefully(chunks: Iterable<Uint8Array>): NaiveResult {
  const result: NaiveResult = { text: "", sawDone: false };
  // #region careful-reader
  const decoder = new TextDecoder(); // ONE decoder for the whole stream
  let buffer = "";
  for (const value of chunks) {
    // 1. { stream: true }: the bytes of a character cut by a chunk boundary wait for the rest.
    buffer += decoder.decode(value, { stream: true });
    // 2. Any of the three line endings the spec allows (CRLF, LF, CR).
    const lines = buffer.split(/\r\n|\r|\n/);
    // 3. The last piece has no line ending yet: keep it for the next chunk.
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("data:")) continue; // blank lines, comments, other fields
      const data = line.slice(5).replace(/^ /, ""); // one optional space after the colon
      if (data === "[DONE]") {
        result.sawDone = true;
        return result; // the end: whatever follows is not ours to read
      }
      result.text += contentOf(data); // a bad JSON throws: never swallow it
    }
  }
  // #endregion
  return result;
}
