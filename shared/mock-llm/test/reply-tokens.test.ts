// The canned replies ship pre-tokenized (src/reply-tokens.json), so servers
// start without loading the real tokenizer. These fail when a reply changes
// and `pnpm --filter @workshop/mock-llm tokens` was not run.
import { describe, expect, it } from "vitest";
import { realTokens } from "../scripts/real-tokens.ts";
import { cannedReplies, tokenize } from "../src/index.ts";
import shipped from "../src/reply-tokens.json" with { type: "json" };

describe("the pre-tokenized canned replies", () => {
  it.each(cannedReplies.map((reply) => [reply.id, reply] as const))(
    "%s: the shipped tokens are exactly what the real o200k tokenizer makes of the reply",
    (id, reply) => {
      expect((shipped as Record<string, string[]>)[id]).toEqual(realTokens(reply.text));
      expect(tokenize(reply.text)).toEqual(realTokens(reply.text));
    },
  );

  it("ships no tokens for a reply that no longer exists", () => {
    expect(Object.keys(shipped).sort()).toEqual(cannedReplies.map((reply) => reply.id).sort());
  });
});

describe("the light tokenizer for other text (echo prompts)", () => {
  it.each([
    "Tokenization splits words",
    "流式输出 sends each token. 你好，世界。",
    "line one\r\nline two\rthree\n\n  indented\tand tabbed",
    "emoji 👨‍👩‍👧 and flags 🇨🇳 and 𠮷",
    "",
    "data: [DONE]\n\n<b>markup</b>",
  ])("cuts %j into pieces that join back exactly, never half a surrogate pair", (text) => {
    const tokens = tokenize(text);
    expect(tokens.join("")).toBe(text);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const token of tokens) expect(token).not.toMatch(loneSurrogate);
  });

  it("makes sub-word pieces, with the space joined to the word after it, like a real model", () => {
    expect(tokenize("Tokenization splits words")).toEqual([
      "Toke",
      "niza",
      "tion",
      " spl",
      "its",
      " wor",
      "ds",
    ]);
  });
});
