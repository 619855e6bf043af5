import { defineChecks, must, within } from "@workshop/exercises";
import { PROMPT, readJob, tokensWritten, withInstances } from "../with-redis.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a cancel sent to another instance stops the owner within a few tokens; readers get done with the reason":
    "发到另一个实例的取消在几个 token 之内就让 owner 停下；读取者收到带原因的 done",
};

export default defineChecks({
  "a cancel sent to another instance stops the owner within a few tokens; readers get done with the reason": (
    code,
  ) =>
    // Tokens 50 ms apart (a 6 s reply): acting on the cancel's message stops the owner within a
    // few, whatever the machine's speed; polling for cancels every second would let twenty more out.
    withInstances(code, { tokenDelayMs: 50 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await tokensWritten(redis, id, 3);
      await b.cancel(id);
      // Whichever comes first: the reply ends, or the stream holds 15 entries, so at least 14
      // tokens (only one entry can be done): no need to wait out a reply nobody stopped.
      const tooMany = tokensWritten(redis, id, 3 + 12).then(() => "too many" as const);
      const ended = await within(Promise.race([reading, tooMany]), 12_000, {
        en: "the reply never ended",
        zh: "回复一直没有结束",
      }); // a hang guard
      must(ended !== "too many", {
        en: "the owner wrote more than 10 tokens after the cancel: act on the cancel's message (subscribe), don't poll for it",
        zh: "取消之后，owner 又写了 10 个以上的 token：收到取消消息就要行动（subscribe），不要轮询",
      });
      const last = ended.at(-1);
      must(last?.type === "done" && last.reason === "cancelled", {
        en: "the reply ended without done (reason cancelled): nobody acted on the cancel",
        zh: "回复结束时没有 done（原因为 cancelled）：没有谁响应这次取消",
      });
      must(last.tokens <= 3 + 10, {
        en: `the owner wrote ${last.tokens - 3} more tokens after the cancel: act on the cancel's message, don't poll for it`,
        zh: `取消之后，owner 又写了 ${last.tokens - 3} 个 token：收到取消消息就要行动，不要轮询`,
      });
    }),
});
