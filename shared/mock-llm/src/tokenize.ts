// Real sub-word tokens from the o200k vocabulary (the one GPT-4o uses), so the
// stream looks like a real model's: " stream", "ing", "你好", "`.".
import { decodeGenerator, encode } from "gpt-tokenizer";

const cache = new Map<string, readonly string[]>();

export function tokenize(text: string): readonly string[] {
  let tokens = cache.get(text);
  if (!tokens) {
    // decodeGenerator joins token ids whose bytes only make sense together
    // (part of a rare CJK character), so every piece is valid text.
    tokens = [...decodeGenerator(encode(text))].filter((piece) => piece !== "");
    cache.set(text, tokens);
  }
  return tokens;
}
