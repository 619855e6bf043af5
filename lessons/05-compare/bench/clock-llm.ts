// The bench's token source: each token is the moment it was generated
// (performance.timeOrigin + now(), in ms), so the client can measure
// token → client latency without sharing anything with the server but a clock.
import type { GenerateOptions, MockLlm } from "@workshop/mock-llm";
import { pause } from "@workshop/mock-llm";

export const BENCH_TOKENS = 60;
export const BENCH_TOKEN_DELAY_MS = 5;

export const now = () => performance.timeOrigin + performance.now();

export function createClockLlm(): MockLlm {
  let running = 0;
  let tokensGenerated = 0;
  async function* generate(_input: unknown, { signal }: GenerateOptions = {}) {
    running++;
    try {
      for (let i = 0; i < BENCH_TOKENS; i++) {
        await pause(BENCH_TOKEN_DELAY_MS, signal);
        tokensGenerated++;
        yield ` ${now().toFixed(3)}`;
      }
    } finally {
      running--;
    }
  }
  return {
    generate,
    replyTokens: () => Array.from({ length: BENCH_TOKENS }, () => " 0000000000000.000"),
    model: "mock-llm",
    get running() {
      return running;
    },
    get tokensGenerated() {
      return tokensGenerated;
    },
    idle: async () => {},
    // The bench never holds an answer mid-way.
    hold: () => {},
    release: () => {},
  };
}
