// `pnpm --filter @workshop/mock-llm tokens`: cuts every canned reply into real
// o200k tokens (the vocabulary GPT-4o uses) and writes them to
// src/reply-tokens.json. The tokenizer is big (tens of MB in memory, ~300 ms
// to import), so servers load this file instead. test/reply-tokens.test.ts
// fails when a reply changes and this was not run.
import { writeFileSync } from "node:fs";
import { cannedReplies } from "../src/replies.ts";
import { realTokens } from "./real-tokens.ts";

const lines = cannedReplies.map(
  (reply) => `  ${JSON.stringify(reply.id)}: ${JSON.stringify(realTokens(reply.text))}`,
);
const file = new URL("../src/reply-tokens.json", import.meta.url);
writeFileSync(file, `{\n${lines.join(",\n")}\n}\n`); // one reply per line: diffs stay readable
console.log(`Wrote ${lines.length} replies' tokens to ${file.pathname}`);
