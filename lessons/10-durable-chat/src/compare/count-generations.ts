// The mock LLM, counting the generations it is asked for: what a provider would bill. The
// comparison, the tests and the exercises' checks judge "one generation" by this count.
import type { MockLlm } from "@workshop/mock-llm";

export function countingGenerations<T extends Pick<MockLlm, "generate">>(llm: T) {
  let count = 0;
  const generate = llm.generate.bind(llm);
  llm.generate = (...args) => {
    count++;
    return generate(...args);
  };
  return { llm, generations: () => count };
}
