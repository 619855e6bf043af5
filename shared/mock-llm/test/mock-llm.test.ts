import { afterEach, describe, expect, it, vi } from "vitest";
import { cannedReplies, chooseReply, createMockLlm, MAX_REPLY_CHARS, tokenize } from "../src/index.ts";

async function collect(tokens: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const token of tokens) out.push(token);
  return out;
}

describe("the mock LLM's replies", () => {
  it("streams tokens that join back into the canned reply", async () => {
    const llm = createMockLlm({ timing: "instant" });
    const tokens = await collect(llm.generate("Why stream LLM output?"));
    expect(tokens.join("")).toBe(chooseReply("Why stream LLM output?").text);
  });

  it("splits text into sub-word tokens, like a real model", () => {
    const tokens = tokenize("Tokenization splits words");
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join("")).toBe("Tokenization splits words");
  });

  it("answers a Chinese prompt in Chinese, with multi-byte characters", () => {
    const reply = chooseReply("为什么要用流式输出？");
    expect(reply.text).toMatch(/[\u4e00-\u9fff]/);
    expect(new TextEncoder().encode(reply.text).length).toBeGreaterThan(reply.text.length);
  });

  it("has replies with markdown lists and a fenced code block in both languages", () => {
    for (const language of ["en", "zh"] as const) {
      const texts = cannedReplies.filter((r) => r.language === language).map((r) => r.text);
      expect(texts.some((t) => /^\d\. |^- /m.test(t))).toBe(true);
      expect(texts.some((t) => t.includes("```ts\n"))).toBe(true);
    }
  });

  it("picks the same reply for the same prompt every time", () => {
    expect(chooseReply("hello there").id).toBe(chooseReply("hello there").id);
  });

  it("repeats exactly what follows 'echo:' so tests can stream any text", () => {
    expect(chooseReply("echo: <b>hi</b>\r\n你好").text).toBe("<b>hi</b>\r\n你好");
  });

  it("answers 'blob: n' with one token of exactly n characters, when large replies are on for a test", () => {
    const llm = createMockLlm({ timing: "instant", largeReplies: true });
    const [token, ...rest] = llm.replyTokens("blob: 100000");
    expect(rest).toEqual([]);
    expect(token?.length).toBe(100_000);
    expect(token).toMatch(/流式/);
  });

  it("treats 'blob: n' as an ordinary prompt by default, so a 27-byte request cannot ask for megabytes", () => {
    const llm = createMockLlm({ timing: "instant" });
    const reply = llm.replyTokens("blob: 4194304").join("");
    expect(reply.length).toBeLessThan(2000);
    expect(reply).not.toMatch(/stream 流式输出 stream 流式输出/);
  });

  it("never answers with more than MAX_REPLY_CHARS, whatever the prompt", () => {
    const llm = createMockLlm({ timing: "instant" });
    const reply = llm.replyTokens(`echo: ${"长".repeat(MAX_REPLY_CHARS + 500)}`).join("");
    expect(reply.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    expect(reply.length).toBeGreaterThan(MAX_REPLY_CHARS - 100);
  });

  it("answers the last user message of a conversation", () => {
    const llm = createMockLlm({ timing: "instant" });
    const tokens = llm.replyTokens([
      { role: "user", content: "echo: first" },
      { role: "assistant", content: "first" },
      { role: "user", content: "echo: second" },
    ]);
    expect(tokens.join("")).toBe("second");
  });

  it("stops after maxTokens", async () => {
    const llm = createMockLlm({ timing: "instant" });
    expect(await collect(llm.generate("why stream?", { maxTokens: 3 }))).toHaveLength(3);
  });
});

describe("the mock LLM stops when asked", () => {
  it("stops generating when the signal aborts, and counts no running generation after", async () => {
    const llm = createMockLlm({ timing: "instant" });
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(async () => {
      for await (const token of llm.generate("why stream?", { signal: controller.signal })) {
        seen.push(token);
        expect(llm.running).toBe(1);
        if (seen.length === 5) controller.abort();
      }
    }).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(5);
    expect(llm.tokensGenerated).toBe(5);
    expect(llm.running).toBe(0);
  });

  it("stops when the consumer stops reading (break)", async () => {
    const llm = createMockLlm({ timing: "instant" });
    for await (const _token of llm.generate("why stream?")) break;
    expect(llm.running).toBe(0);
  });

  it("idle() resolves once every generation has ended", async () => {
    const llm = createMockLlm({ timing: "instant" });
    const controller = new AbortController();
    const consuming = collect(llm.generate("why stream?", { signal: controller.signal })).catch(
      () => "aborted",
    );
    await Promise.resolve();
    const idle = llm.idle();
    controller.abort();
    await idle;
    expect(llm.running).toBe(0);
    expect(await consuming).toBe("aborted");
  });
});

describe("the mock LLM held mid-answer, for tests that act mid-answer on any machine", () => {
  it("hold(n) stops every reply after n tokens until release(), then it finishes", async () => {
    const llm = createMockLlm({ timing: "instant" });
    llm.hold(3);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const token of llm.generate("why stream?")) seen.push(token);
    })();
    // However long we wait, a held reply stays at its first three tokens.
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(3);
    expect(llm.running).toBe(1);
    llm.release();
    await reading;
    expect(seen.join("")).toBe(llm.replyTokens("why stream?").join(""));
  });

  it("an abort ends a held reply at once", async () => {
    const llm = createMockLlm({ timing: "instant" });
    llm.hold(2);
    const controller = new AbortController();
    const reading = collect(llm.generate("why stream?", { signal: controller.signal }));
    while (llm.tokensGenerated < 2) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(reading).rejects.toThrow(/abort/i);
    expect(llm.running).toBe(0);
  });
});

describe("the mock LLM's timing", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits the first-token delay, then the per-token delay (fake timers)", async () => {
    vi.useFakeTimers();
    const llm = createMockLlm({ timing: { firstTokenDelayMs: 500, tokenDelayMs: 50, jitterMs: 0 } });
    const iterator = llm.generate("why stream?");
    const first = iterator.next();
    let settled = false;
    void first.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);

    const second = iterator.next();
    await vi.advanceTimersByTimeAsync(50);
    expect((await second).done).toBe(false);
    await iterator.return();
  });

  it("replays the same jitter for the same seed", async () => {
    const delaysFor = async (seed: number) => {
      vi.useFakeTimers();
      const llm = createMockLlm({ seed, timing: { firstTokenDelayMs: 0, tokenDelayMs: 10, jitterMs: 100 } });
      const times: number[] = [];
      const run = (async () => {
        for await (const _ of llm.generate("why stream?", { maxTokens: 6 })) times.push(Date.now());
      })();
      await vi.runAllTimersAsync();
      await run;
      vi.useRealTimers();
      return times.map((t, i) => t - (times[i - 1] ?? t));
    };
    const a = await delaysFor(42);
    expect(await delaysFor(42)).toEqual(a);
    expect(await delaysFor(7)).not.toEqual(a);
  });
});
