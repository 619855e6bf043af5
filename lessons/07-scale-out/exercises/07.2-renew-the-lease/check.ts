import { defineChecks, must, within } from "@workshop/exercises";
import { PROMPT, readJob, seqsOf, TOKENS, withInstances } from "../with-redis.ts";

export default defineChecks({
  "a reply that lasts longer than its lease ends with done, not interrupted": (code) =>
    withInstances(code, { leaseMs: 1000, tokenDelayMs: 15 }, async (instance) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT); // ~1.8 s of tokens: longer than the lease, so only renewing keeps it
      const entries = await within(readJob(b, id, -1), 12_000, "the reply never ended"); // a hang guard, not a verdict
      const last = entries.at(-1)?.type;
      must(
        last === "done",
        `the reply ended with ${last} after ${seqsOf(entries).length} of ${TOKENS} tokens: renew the lease`,
      );
    }),
});
