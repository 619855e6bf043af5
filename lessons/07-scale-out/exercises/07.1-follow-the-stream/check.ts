import { defineChecks, must, within } from "@workshop/exercises";
import { PROMPT, readJob, seqsOf, TOKENS, tokensWritten, withInstances } from "../with-redis.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "half a reply from a, the rest from b: none lost, none twice, then done":
    "前一半回复从 a 读，剩下的从 b 读：不丢、不重，最后是 done",
  "a dead owner ends the reply with `interrupted`, within the lease":
    "owner 死掉后，回复在一个租期之内以 `interrupted` 结束",
};

export default defineChecks({
  "half a reply from a, the rest from b: none lost, none twice, then done": (code) =>
    withInstances(code, {}, async (instance) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const first = await within(readJob(a, id, -1, 10), 3000, {
        en: "reading the first 10 tokens never finished",
        zh: "读取前 10 个 token 一直没有完成",
      });
      const rest = await within(readJob(b, id, seqsOf(first).at(-1) ?? -1), 3000, {
        en: "the rest of the reply never came",
        zh: "剩下的回复一直没有来",
      });
      const seqs = [...seqsOf(first), ...seqsOf(rest)];
      must(seqs.length === TOKENS, {
        en: `the two readers got ${seqs.length} tokens of ${TOKENS}: follow the job live`,
        zh: `共 ${TOKENS} 个 token，两个读取者只收到了 ${seqs.length} 个：要实时跟读任务`,
      });
      must(
        seqs.every((seq, i) => seq === i),
        {
          en: "some token was lost or came twice",
          zh: "有 token 丢了，或者收到了两次",
        },
      );
      must(rest.at(-1)?.type === "done", {
        en: "the reader never yielded `done`",
        zh: "读取者始终没有 yield `done`",
      });
    }),

  "a dead owner ends the reply with `interrupted`, within the lease": (code) =>
    withInstances(code, { leaseMs: 300, tokenDelayMs: 10 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await tokensWritten(redis, id, 3);
      await a.close({ kill: true });
      const entries = await within(reading, 2000, {
        en: "after the owner died, the reader waited forever: say `interrupted`",
        zh: "owner 死了之后，读取者一直在等：这时要报 `interrupted`",
      });
      must(entries.at(-1)?.type === "interrupted", {
        en: `the reply ended with ${entries.at(-1)?.type}, not interrupted`,
        zh: `回复以 ${entries.at(-1)?.type} 结束，而不是 interrupted`,
      });
    }),
});
