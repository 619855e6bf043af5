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
      const entries = await within(reading, 12_000, "the reply never ended"); // a hang guard
      const last = entries.at(-1);
      must(
        last?.type === "done" && last.reason === "cancelled",
        "the reply ran to the end: nobody acted on the cancel",
      );
      must(
        last.tokens <= 3 + 10,
        `the owner wrote ${last.tokens - 3} more tokens after the cancel: act on the cancel's message, don't poll for it`,
      );
    }),
});
