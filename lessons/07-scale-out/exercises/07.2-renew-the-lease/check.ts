import { defineChecks, must, within } from "@workshop/exercises";
import { PROMPT, readJob, seqsOf, TOKENS, withInstances } from "../with-redis.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a reply that lasts longer than its lease ends with done, not interrupted":
    "持续时间比租约还长的回复以 done 结束，而不是 interrupted",
};

export default defineChecks({
  "a reply that lasts longer than its lease ends with done, not interrupted": (code) =>
    withInstances(code, { leaseMs: 1000, tokenDelayMs: 15 }, async (instance) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT); // ~1.8 s of tokens: longer than the lease, so only renewing keeps it
      const entries = await within(readJob(b, id, -1), 12_000, {
        en: "the reply never ended",
        zh: "回复一直没有结束",
      }); // a hang guard, not a verdict
      const last = entries.at(-1)?.type;
      must(last === "done", {
        en: `the reply ended with ${last} after ${seqsOf(entries).length} of ${TOKENS} tokens: renew the lease`,
        zh: `${TOKENS} 个 token 只发了 ${seqsOf(entries).length} 个，回复就以 ${last} 结束了：要续租`,
      });
    }),
});
