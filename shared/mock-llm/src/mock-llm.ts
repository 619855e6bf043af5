// The token source every lesson streams from.
import type { ChatMessage } from "@workshop/protocol";
import { createHold, type Hold, waitForGate } from "./hold.ts";
import { BLOB_PREFIX, blobText, chooseReply, MAX_BLOB, MAX_REPLY_CHARS } from "./replies.ts";
import { seededRandom } from "./seeded-random.ts";
import { instantTiming, type MockLlmTiming, pause, realisticTiming } from "./timing.ts";
import { tokenize } from "./tokenize.ts";

export interface MockLlmOptions {
  /** "realistic" (default), "instant" for tests, or your own numbers. */
  timing?: "realistic" | "instant" | Partial<MockLlmTiming>;
  /** Seeds the jitter, so a run can be replayed exactly. */
  seed?: number;
  /**
   * Honour `blob: <n>` prompts (one token of n characters, up to 4 Mi) for
   * large-message tests. Off by default: otherwise a 27-byte request could
   * make the server hold megabytes, so a page or a stranger must not reach it.
   */
  largeReplies?: boolean;
}

export interface GenerateOptions {
  /** Aborting stops generation at once; the iterator then throws the abort reason. */
  signal?: AbortSignal;
  /** Stop after this many tokens (like max_tokens). */
  maxTokens?: number;
}

export interface MockLlm {
  /** The reply to `input` as an async iterable of tokens, paced by the timing. */
  generate(
    input: string | readonly ChatMessage[],
    options?: GenerateOptions,
  ): AsyncGenerator<string, void, undefined>;
  /** The tokens `generate` would yield, at once (for tests and for blocking endpoints' docs). */
  replyTokens(input: string | readonly ChatMessage[]): readonly string[];
  /** The model name servers report. */
  readonly model: string;
  /** Generations under way right now. A server that stops work when its client leaves brings this to 0. */
  readonly running: number;
  /** Tokens yielded so far, across all generations. */
  readonly tokensGenerated: number;
  /** Resolves when no generation is running (at once if none is). */
  idle(): Promise<void>;
  /**
   * For tests that must act mid-answer: from now on every reply waits after its first
   * `afterTokens` tokens (an abort still ends it) until `release()`.
   */
  hold(afterTokens: number): void;
  /** Lets every held reply go on; later replies no longer wait. */
  release(): void;
}

export function createMockLlm(options: MockLlmOptions = {}): MockLlm {
  const timing = resolveTiming(options.timing);
  const random = seededRandom(options.seed ?? 1);
  let running = 0;
  let tokensGenerated = 0;
  let held: Hold | undefined;
  const idleWaiters: (() => void)[] = [];

  function replyTokens(input: string | readonly ChatMessage[]): readonly string[] {
    const prompt = promptOf(input).trim();
    if (options.largeReplies && prompt.startsWith(BLOB_PREFIX)) {
      const blob = Number(prompt.slice(BLOB_PREFIX.length));
      if (Number.isSafeInteger(blob) && blob > 0 && blob <= MAX_BLOB) return [blobText(blob)];
    }
    return capped(tokenize(chooseReply(prompt).text));
  }

  async function* generate(
    input: string | readonly ChatMessage[],
    { signal, maxTokens = Number.POSITIVE_INFINITY }: GenerateOptions = {},
  ): AsyncGenerator<string, void, undefined> {
    const tokens = replyTokens(input);
    running++;
    try {
      await pause(timing.firstTokenDelayMs, signal);
      for (let i = 0; i < tokens.length && i < maxTokens; i++) {
        if (i > 0) await pause(timing.tokenDelayMs + Math.floor(random() * timing.jitterMs), signal);
        if (held && i === held.afterTokens) await waitForGate(held, signal);
        signal?.throwIfAborted();
        tokensGenerated++;
        yield tokens[i] as string;
      }
    } finally {
      // Runs on completion, on abort, and when the consumer stops iterating.
      running--;
      if (running === 0) for (const wake of idleWaiters.splice(0)) wake();
    }
  }

  return {
    generate,
    replyTokens,
    model: "mock-llm",
    get running() {
      return running;
    },
    get tokensGenerated() {
      return tokensGenerated;
    },
    idle() {
      return running === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    hold(afterTokens) {
      held?.open();
      held = createHold(afterTokens);
    },
    release() {
      held?.open();
      held = undefined;
    },
  };
}

/** The tokens that fit in MAX_REPLY_CHARS: no prompt makes a reply larger. */
function capped(tokens: readonly string[]): readonly string[] {
  let chars = 0;
  for (let i = 0; i < tokens.length; i++) {
    chars += (tokens[i] as string).length;
    if (chars > MAX_REPLY_CHARS) return tokens.slice(0, i);
  }
  return tokens;
}

function resolveTiming(timing: MockLlmOptions["timing"]): MockLlmTiming {
  if (timing === "instant") return instantTiming;
  if (timing === undefined || timing === "realistic") return realisticTiming;
  return { ...realisticTiming, ...timing };
}

/** What the model answers: the last user message (or the prompt itself). */
function promptOf(input: string | readonly ChatMessage[]): string {
  if (typeof input === "string") return input;
  return [...input].reverse().find((message) => message.role === "user")?.content ?? "";
}
