import { defineChecks, must, within } from "@workshop/exercises";
import { PROMPT, readJob, seqsOf, TOKENS, tokensWritten, withInstances } from "../with-redis.ts";

export default defineChecks({
  "half a reply from a, the rest from b: none lost, none twice, then done": (code) =>
    withInstances(code, {}, async (instance) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const first = await within(readJob(a, id, -1, 10), 3000, "reading the first 10 tokens never finished");
      const rest = await within(
        readJob(b, id, seqsOf(first).at(-1) ?? -1),
        3000,
        "the rest of the reply never came",
      );
      const seqs = [...seqsOf(first), ...seqsOf(rest)];
      must(
        seqs.length === TOKENS,
        `the two readers got ${seqs.length} tokens of ${TOKENS}: follow the job live`,
      );
      must(
        seqs.every((seq, i) => seq === i),
        "some token was lost or came twice",
      );
      must(rest.at(-1)?.type === "done", "the reader never yielded `done`");
    }),

  "a dead owner ends the reply with `interrupted`, within the lease": (code) =>
    withInstances(code, { leaseMs: 300, tokenDelayMs: 10 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await tokensWritten(redis, id, 3);
      await a.close({ kill: true });
      const entries = await within(
        reading,
        2000,
        "after the owner died, the reader waited forever: say `interrupted`",
      );
      must(
        entries.at(-1)?.type === "interrupted",
        `the reply ended with ${entries.at(-1)?.type}, not interrupted`,
      );
    }),
});
