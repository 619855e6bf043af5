// The real tokenizer, for the script that pre-tokenizes the canned replies
// and the test that checks they have not drifted. Never imported by servers.
import { decodeGenerator, encode } from "gpt-tokenizer";

export function realTokens(text: string): string[] {
  // decodeGenerator joins token ids whose bytes only make sense together
  // (part of a rare CJK character), so every piece is valid text.
  return [...decodeGenerator(encode(text))].filter((piece) => piece !== "");
}
