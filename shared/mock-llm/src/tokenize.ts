// Tokens that look like a real model's: " stream", "ing", "你好", "`.".
// Canned replies were cut by the real o200k tokenizer ahead of time
// (scripts/tokenize-replies.ts → reply-tokens.json), so starting a server
// does not load a tokenizer. Other text (echo prompts) is cut by a light rule
// of the same shape: a leading space joins the word after it, long words are
// cut into pieces, CJK goes one or two characters at a time.
import { cannedReplies } from "./replies.ts";
import replyTokens from "./reply-tokens.json" with { type: "json" };

const precomputed = new Map<string, readonly string[]>(
  cannedReplies.map((reply) => [reply.text, (replyTokens as Record<string, string[]>)[reply.id] ?? []]),
);

// Every character belongs to exactly one alternative, so the pieces always
// join back into the text.
const PIECE = /\s?\p{L}+|\s?\p{N}+|\s?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;
const HAN = /\p{Script=Han}/u;

export function tokenize(text: string): readonly string[] {
  const known = precomputed.get(text);
  if (known && known.length > 0) return known;
  const tokens: string[] = [];
  for (const [piece] of text.matchAll(PIECE)) {
    const chars = Array.from(piece); // by code point: never half a surrogate pair
    const size = HAN.test(piece) ? 2 : 4;
    for (let i = 0; i < chars.length; i += size) tokens.push(chars.slice(i, i + size).join(""));
  }
  return tokens;
}
