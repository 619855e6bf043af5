// The same SSE reply through every path, judged by how it arrived, never by a
// wall-clock threshold: streamed, the tokens come in many separate reads (one
// per token, give or take); buffered, in one lump at the end.
import { createMockLlm } from "@workshop/mock-llm";
import { postJson } from "@workshop/testkit";
import { expect, it } from "vitest";
import { describeWithProxies } from "./with-proxies.ts";

const PROMPT = "echo: one two three four five six seven eight nine ten eleven twelve";
const TOKENS = createMockLlm().replyTokens(PROMPT).length;

/** Reads the job's events through `base`, counting the reads that carried at least one token. */
async function readsOf(base: string, id: string) {
  const response = await fetch(`${base}/api/jobs/${id}/events`, { headers: { "Accept-Encoding": "gzip" } });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  let reads = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = decoder.decode(value, { stream: true });
    if (chunk.includes("event: token")) reads++;
    text += chunk;
  }
  const tokens = text.match(/event: token/g)?.length ?? 0;
  return { reads, tokens, text, encoding: response.headers.get("content-encoding") };
}

describeWithProxies("buffering between the origin and the browser", (_proxies, path) => {
  const HTTP1 = [
    "direct",
    "nginx-defaults",
    "gzip",
    "gzip-buffering-off",
    "gzip-accel-header",
    "two-layers",
    "two-layers-fixed",
    "idle-heartbeat",
  ];

  it.each(HTTP1)("%s: tokens arrive one by one, or all at the end, as /api/proxies says", async (name) => {
    const through = path(name);
    // Start the reply and read it at once: every token is made after the reader is there.
    const started = postJson(`${path("direct").url}/api/jobs`, { prompt: PROMPT });
    const { id } = (await (await started).json()) as { id: string };
    const { reads, tokens, text } = await readsOf(through.url, id);
    expect(tokens).toBe(TOKENS); // nothing lost either way
    expect(text).toContain("event: done");
    if (through.buffering) expect(reads, `${tokens} tokens in ${reads} reads`).toBeLessThanOrEqual(2);
    else expect(reads, `${tokens} tokens in ${reads} reads`).toBeGreaterThan(tokens / 2);
  });
});
