import { defineChecks, must, within } from "@workshop/exercises";
import { PROMPT, readJob, tokensWritten, withInstances } from "../with-redis.ts";

export default defineChecks({
  "a cancel sent to another instance stops the owner within 200 ms; readers get done with the reason": (
    code,
  ) =>
    withInstances(code, { tokenDelayMs: 10 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await tokensWritten(redis, id, 3);
      const cancelledAt = performance.now();
      await b.cancel(id);
      const entries = await within(reading, 3000, "the reply never ended");
      const took = performance.now() - cancelledAt;
      const last = entries.at(-1);
      must(
        last?.type === "done" && last.reason === "cancelled",
        "the reply ran to the end: nobody acted on the cancel",
      );
      must(took < 200, `the owner stopped ${Math.round(took)} ms after the cancel, not within 200 ms`);
    }),
});
