import { defineChecks, must, within } from "@workshop/exercises";
import { PROMPT, readJob, tokensWritten, withInstances } from "../with-redis.ts";

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
      const ended = await within(Promise.race([reading, tooMany]), 12_000, "the reply never ended"); // a hang guard
      must(
        ended !== "too many",
        "the owner wrote more than 10 tokens after the cancel: act on the cancel's message (subscribe), don't poll for it",
      );
      const last = ended.at(-1);
      must(
        last?.type === "done" && last.reason === "cancelled",
        "the reply ended without done (reason cancelled): nobody acted on the cancel",
      );
      must(
        last.tokens <= 3 + 10,
        `the owner wrote ${last.tokens - 3} more tokens after the cancel: act on the cancel's message, don't poll for it`,
      );
    }),
});
