import { defineChecks, must, mustEventually, within } from "@workshop/exercises";
import { PROMPT, readJob, seqsOf, TOKENS, tokensWritten, withInstances } from "../with-redis.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `check` holds within `ms`: the owner's last writes come a moment after the reader saw done. */
async function holdsWithin(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (performance.now() > end) return false;
    await sleep(20);
  }
}

export default defineChecks({
  "a reply longer than its lease, read from another instance: every token once, then done; no owner left": (
    code,
  ) =>
    withInstances(code, { leaseMs: 1000, tokenDelayMs: 15 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT); // ~1.8 s of tokens: longer than the lease, so only renewing keeps it
      const entries = await within(readJob(b, id, -1), 12_000, "the reply never ended"); // a hang guard
      const last = entries.at(-1);
      must(
        seqsOf(entries).length > 0,
        `the reader on the other instance got no token, then ${last?.type}: write each token into the job's stream (writeIfLeaseHeld at entryId(seq))`,
      );
      must(
        last?.type === "done",
        `the reply ended with ${last?.type} after ${seqsOf(entries).length} of ${TOKENS} tokens: ${last?.type === "interrupted" ? "the lease ran out while the owner was generating. Renew it every leaseMs / 3" : "write done at the end"}`,
      );
      must(
        seqsOf(entries).every((seq, i) => seq === i) && seqsOf(entries).length === TOKENS,
        `the reader got seqs ${seqsOf(entries).slice(0, 8).join(", ")}…, not 0 to ${TOKENS - 1} once each`,
      );
      must(
        last.tokens === TOKENS && last.reason === "complete",
        `done said ${last.tokens} tokens, reason "${last.reason}": expected ${TOKENS}, "complete"`,
      );
      must(
        await holdsWithin(async () => (await redis.exists(`job:${id}:lease`)) === 0, 400),
        "the reply is done, but its lease is still there: delete it, the job has no owner any more",
      );
      must((await redis.ttl(`job:${id}`)) > 0, "the finished job's stream never expires: give it ttlSeconds");
      must(a.generating() === 0, "the job is still in `generating` after done: take it out, however it ends");
    }),

  "a lease taken away mid-reply stops the owner: no token and no done after it": (code) =>
    withInstances(code, { leaseMs: 3000, tokenDelayMs: 20 }, async (instance, redis) => {
      const a = await instance("a");
      const id = await a.start(PROMPT);
      await within(tokensWritten(redis, id, 3), 5000, "the owner never wrote 3 tokens into the job's stream");
      must(
        (await redis.ttl(`job:${id}`)) > 0,
        "the job's stream has no expiry while it is written: an owner that dies before done would leave it in Redis forever. Expire it from the first token on",
      );
      await redis.set(`job:${id}:lease`, "another-instance"); // as if it lapsed and someone else took it
      const taken = await redis.xLen(`job:${id}`);
      await sleep(500); // 25 tokens' time
      const after = (await redis.xLen(`job:${id}`)) - taken;
      must(
        after <= 1,
        `after the lease went to another instance, the owner wrote ${after} more entries: write each token with writeIfLeaseHeld, and stop when it refuses`,
      );
      const [lastEntry] = (await redis.xRevRange(`job:${id}`, "+", "-", { COUNT: 1 })) ?? [];
      must(
        lastEntry?.message.type === "token",
        "the owner wrote done after its lease was lost: its readers already heard `interrupted`, so a lost lease writes nothing more",
      );
      await mustEventually(
        () => a.generating() === 0,
        1000,
        "the owner lost its lease and is still generating: stop the model (reason lease lost)",
      );
    }),

  "maxTokens cuts the reply: done with reason max_tokens": (code) =>
    withInstances(code, { maxTokens: 5 }, async (instance) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const entries = await within(readJob(b, id, -1), 5000, "the reply never ended");
      const last = entries.at(-1);
      must(
        last?.type === "done" && last.reason === "max_tokens" && last.tokens === 5,
        `with maxTokens 5, the reply ended with ${JSON.stringify(last)} after ${seqsOf(entries).length} tokens: stop at maxTokens, with reason "max_tokens"`,
      );
    }),

  "a Stop sent to the other instance ends the reply with done, reason cancelled": (code) =>
    withInstances(code, { tokenDelayMs: 50 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await within(tokensWritten(redis, id, 3), 5000, "the owner never wrote 3 tokens into the job's stream");
      await b.cancel(id);
      const entries = await within(reading, 5000, "after the Stop, the reply never ended");
      const last = entries.at(-1);
      must(
        last?.type === "done" && last.reason === "cancelled",
        `after the Stop, the reply ended with ${JSON.stringify(last)}: an aborted generation writes done with the abort's reason (controller.signal.reason)`,
      );
      must(
        last.tokens === seqsOf(entries).length,
        `done says ${last.tokens} tokens, but ${seqsOf(entries).length} were written: count the tokens written`,
      );
    }),

  "an owner killed mid-reply writes nothing more: readers say interrupted": (code) =>
    withInstances(code, { leaseMs: 300, tokenDelayMs: 10 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await within(tokensWritten(redis, id, 3), 5000, "the owner never wrote 3 tokens into the job's stream");
      await a.close({ kill: true });
      const entries = await within(reading, 3000, "after the owner was killed, the reader waited forever");
      must(
        entries.at(-1)?.type === "interrupted",
        `a killed owner's reply ended with ${entries.at(-1)?.type}: a killed process writes nothing more (no done for the reason "killed"), and its lease runs out`,
      );
    }),
});
