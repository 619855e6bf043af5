// `pnpm bench`: this package's parser against eventsource-parser on the same
// input, an OpenAI-style chunk stream, delivered in 16-byte and 64 KiB chunks.
// Both parsers get text (eventsource-parser takes strings only), decoded once
// up front, so the numbers compare parsing and nothing else.
import { createParser } from "eventsource-parser";
import { Bench } from "tinybench";
import { createSseParser, encodeEvent } from "../src/index.ts";

function openAiStyleStream(tokens: number): string {
  const words = ["The", " quick", " brown", " fox", " 你好", "，世界", " jumps", "\n", " over", " `code`"];
  let out = "";
  for (let i = 0; i < tokens; i++) {
    const chunk = {
      id: "chatcmpl-bench",
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model: "mock-llm",
      choices: [{ index: 0, delta: { content: words[i % words.length] }, finish_reason: null }],
    };
    out += encodeEvent({ data: JSON.stringify(chunk) });
  }
  return `${out}data: [DONE]\n\n`;
}

function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

const stream = openAiStyleStream(20_000);
const megabytes = new TextEncoder().encode(stream).length / 1e6;
let sink = 0; // keeps the work observable so nothing is optimized away

const bench = new Bench({ time: 1500, warmup: true });
for (const size of [16, 64 * 1024]) {
  const chunks = chunksOf(stream, size);
  bench.add(`ours              ${size}-byte chunks`, () => {
    const parser = createSseParser({ onEvent: (event) => (sink += event.data.length) });
    for (const chunk of chunks) parser.feed(chunk);
  });
  bench.add(`eventsource-parser ${size}-byte chunks`, () => {
    const parser = createParser({ onEvent: (event) => (sink += event.data.length) });
    for (const chunk of chunks) parser.feed(chunk);
  });
}

await bench.run();

const rows = bench.tasks.map((task) => {
  const result = task.result;
  const meanMs = result && "latency" in result ? result.latency.mean : Number.NaN;
  return { name: task.name, "MB/s": megabytes / (meanMs / 1000) };
});
console.log(`Input: ${megabytes.toFixed(2)} MB of OpenAI-style chunks (${sink > 0 ? "parsed" : "?"})\n`);
for (const row of rows) console.log(`${row.name}  ${row["MB/s"].toFixed(1).padStart(8)} MB/s`);
for (let i = 0; i < rows.length; i += 2) {
  const ours = rows[i];
  const theirs = rows[i + 1];
  if (ours && theirs) {
    const ratio = ours["MB/s"] / theirs["MB/s"];
    console.log(
      `ratio ours / eventsource-parser (${ours.name.split(/\s+/).slice(1).join(" ")}): ${ratio.toFixed(2)}x`,
    );
  }
}
