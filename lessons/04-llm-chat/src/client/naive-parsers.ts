// THE TRAPS (README "pitfalls"): three ways tutorials read a chat stream.
// Each works in a demo on localhost, where chunks happen to arrive whole, and
// breaks on a real network, where a chunk boundary can fall anywhere. Kept
// here so test/naive-parsers.test.ts can show exactly where each one breaks.
// The fix, by hand, is in careful-reader.ts; the page uses streamChat
// (readSseEvents + createSseParser), which also covers the rest of the spec.

export interface NaiveResult {
  text: string;
  sawDone: boolean;
}

/** The text of one OpenAI-style chunk's delta. */
export const contentOf = (json: string) =>
  (JSON.parse(json) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? "";

// #region naive-split
/** 1. `decoder.decode(value).split('\n')` per chunk: no buffering, no streaming decode. */
export function splitEachChunk(chunks: Uint8Array[]): NaiveResult {
  const decoder = new TextDecoder();
  const result: NaiveResult = { text: "", sawDone: false };
  for (const value of chunks) {
    for (const line of decoder.decode(value).split("\n")) {
      if (!line.startsWith("data: ")) continue;
      const data = line.slice(6);
      if (data === "[DONE]") result.sawDone = true;
      else {
        try {
          result.text += contentOf(data);
        } catch {} // half a JSON object: silently dropped
      }
    }
  }
  return result;
}
// #endregion

/** 2. Lines buffered properly, but a new TextDecoder for every chunk. */
export function decoderPerChunk(chunks: Uint8Array[]): NaiveResult {
  const result: NaiveResult = { text: "", sawDone: false };
  let buffer = "";
  for (const value of chunks) {
    buffer += new TextDecoder().decode(value); // a split character becomes U+FFFD
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("data: ")) continue;
      const data = line.slice(6);
      if (data === "[DONE]") result.sawDone = true;
      else result.text += contentOf(data);
    }
  }
  return result;
}

/** 3. `chunk.replace('data: ', '')` + JSON.parse: assumes one event per chunk. */
export function replacePrefix(chunks: Uint8Array[]): NaiveResult {
  const decoder = new TextDecoder();
  const result: NaiveResult = { text: "", sawDone: false };
  for (const value of chunks) {
    const data = decoder.decode(value, { stream: true }).replace("data: ", "").trim();
    if (data === "[DONE]") result.sawDone = true;
    else {
      try {
        result.text += contentOf(data);
      } catch {} // two events, or half of one: dropped
    }
  }
  return result;
}
