// --format openai: the chat.completion.chunk stream that OpenAI-compatible APIs
// (and lesson 04's BFF) send: `data: {chunk}` events whose choices[].delta carry
// the text, a finish_reason on the last choice chunk, usage in one more chunk
// with `choices: []` when asked for (stream_options.include_usage), then
// `data: [DONE]`. Lesson 08 reads it, among other providers' formats.
import type { SseEvent } from "@workshop/protocol";
import { type CheckResult, check, say } from "./check.ts";

interface Chunk {
  choices?: unknown;
  usage?: { total_tokens?: unknown } | null;
  error?: { message?: unknown } | null;
}
interface Choice {
  delta?: { content?: unknown } | null;
  finish_reason?: unknown;
}

/** Did the request body ask for usage? Only then is a missing usage chunk a fault. */
export function asksForUsage(data: string | undefined): boolean {
  try {
    return JSON.parse(data ?? "null")?.stream_options?.include_usage === true;
  } catch {
    return false;
  }
}

export function openaiCheck(events: SseEvent[], askedForUsage: boolean, ended: boolean): CheckResult {
  const hint = say("hint.openai");
  const fail = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]) =>
    check("openai", "fail", say(key, params), hint);
  const datas = events.map((e) => e.data.trim());
  if (datas.length === 0) return ended ? fail("openai.empty") : check("openai", "skip", say("openai.empty"));
  const done = datas.indexOf("[DONE]");
  if (done === -1) return ended ? fail("openai.no-done") : check("openai", "skip", say("openai.still-open"));
  if (done !== datas.length - 1) return fail("openai.after-done", { count: datas.length - 1 - done });

  const chunks: Chunk[] = [];
  for (const [index, data] of datas.slice(0, done).entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return fail("openai.not-json", { index: index + 1, data: data.slice(0, 40) });
    }
    if (typeof parsed !== "object" || parsed === null)
      return fail("openai.not-json", { index: index + 1, data: data.slice(0, 40) });
    chunks.push(parsed as Chunk);
  }
  const failed = chunks.find((c) => c.error);
  if (failed) return fail("openai.error", { message: String(failed.error?.message ?? "?").slice(0, 80) });
  for (const [index, chunk] of chunks.entries()) {
    if (!Array.isArray(chunk.choices)) return fail("openai.no-choices", { index: index + 1 });
    const choices = chunk.choices as Choice[];
    if (choices.some((c) => typeof c?.delta !== "object" || c.delta === null))
      return fail("openai.no-delta", { index: index + 1 });
  }
  const finishAt = chunks.findIndex((c) => (c.choices as Choice[]).some((choice) => choice.finish_reason));
  if (finishAt === -1) return fail("openai.no-finish", { chunks: chunks.length });
  const finishing = (chunks[finishAt]?.choices ?? []) as Choice[];
  const reason = String(finishing.find((c) => c.finish_reason)?.finish_reason);

  const usageAt = chunks.map((c, i) => (c.usage ? i : -1)).filter((i) => i !== -1);
  const lastUsage = usageAt.at(-1);
  if (lastUsage !== undefined && lastUsage !== chunks.length - 1)
    return fail("openai.usage-not-last", { index: lastUsage + 1, chunks: chunks.length });
  if (lastUsage === undefined && askedForUsage) return fail("openai.usage-missing");

  const textAfterFinish = chunks
    .slice(finishAt + 1)
    .some((c) =>
      (c.choices as Choice[]).some(
        (choice) => typeof choice.delta?.content === "string" && choice.delta.content !== "",
      ),
    );
  const usage =
    lastUsage === undefined
      ? say("openai.usage-none")
      : say("openai.usage-last", { tokens: String(chunks[lastUsage]?.usage?.total_tokens ?? "?") });
  if (textAfterFinish) return check("openai", "warn", say("openai.after-finish", { finish: reason }), hint);
  return check("openai", "pass", say("openai.ok", { chunks: chunks.length, finish: reason, usage }));
}
