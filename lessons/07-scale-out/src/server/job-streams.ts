// Jobs any instance can serve: each job's tokens live in a Redis Stream, so
// whichever instance the balancer picks replays what a client missed (XRANGE)
// and follows the rest live (XREAD BLOCK). One instance generates; it holds a
// lease while it does, so readers can tell "still coming" from "its owner
// died". A cancel on any instance reaches the owner over pub/sub.
import { randomUUID } from "node:crypto";
import type { MockLlm } from "@workshop/mock-llm";
import { createStreamLimit, HttpError } from "@workshop/server-kit";
import type { StopReason } from "../protocol.ts";
import { followJob } from "./follow-job.ts";
import { CANCEL_CHANNEL, entryId, leaseKey, promptKey, streamKey } from "./job-keys.ts";
import { renewLease, writeIfLeaseHeld } from "./job-lease.ts";
import { connectDuplicate, type Redis } from "./redis.ts";

export type { JobEntry } from "./follow-job.ts";

export interface JobStreamsOptions {
  /** For commands; readers duplicate it for their blocking reads. */
  redis: Redis;
  /** This instance's name, held in a job's lease while it generates. */
  instance: string;
  llm: MockLlm;
  /** The owner renews its lease every leaseMs/3; readers give up on it after leaseMs without news. */
  leaseMs?: number;
  /** A finished job's stream is kept this long (documented in the README). */
  ttlSeconds?: number;
  /** Generations this instance runs at once; one more is refused with 429. */
  maxGenerating?: number;
  /** Generations one client (address) runs at once on this instance; one more is refused with 429. */
  maxGeneratingPerClient?: number;
  /** Tokens one job may write; the reply then ends with reason "max_tokens" (a job's memory is bounded). */
  maxTokens?: number;
}

export async function createJobStreams({
  redis,
  instance,
  llm,
  leaseMs = 2000,
  ttlSeconds = 3600,
  maxGenerating = 100,
  maxGeneratingPerClient = 4,
  maxTokens = 4096,
}: JobStreamsOptions) {
  const generating = new Map<string, AbortController>();
  const perClient = createStreamLimit(maxGeneratingPerClient);
  const control = await connectDuplicate(redis);
  let closed = false;
  // #region cancel-listener
  await control.subscribe(CANCEL_CHANNEL, (id) =>
    generating.get(id)?.abort("cancelled" satisfies StopReason),
  );
  // #endregion

  // #region generate-with-lease
  async function generate(
    id: string,
    prompt: string,
    controller: AbortController,
    release: () => void,
  ): Promise<void> {
    // #region renew-lease
    const renew = setInterval(() => {
      renewLease(redis, leaseKey(id), instance, leaseMs)
        .then((held) => {
          if (!held) controller.abort("lease lost" satisfies StopReason); // readers were told `interrupted`: stop here
        })
        .catch(() => {}); // Redis unreachable: the lease runs out, and readers say "interrupted"
    }, leaseMs / 3);
    // #endregion
    let seq = 0;
    let reason: StopReason = "complete";
    try {
      for await (const text of llm.generate(prompt, { signal: controller.signal })) {
        // Written only while this instance holds the lease (one script, so nothing comes between).
        const written = await writeIfLeaseHeld(redis, id, instance, entryId(seq), {
          type: "token",
          seq: String(seq),
          text,
        });
        if (!written) {
          reason = "lease lost";
          controller.abort(reason);
          break;
        }
        // Expiring from the first token on: a job whose owner dies before `done` must not stay forever.
        if (seq === 0) await redis.expire(streamKey(id), ttlSeconds);
        if (++seq >= maxTokens) {
          reason = "max_tokens";
          controller.abort(reason); // stops the model too
          break;
        }
      }
    } catch {
      reason = controller.signal.aborted ? (controller.signal.reason as StopReason) : "failed";
    } finally {
      clearInterval(renew);
      generating.delete(id);
      release(); // the client's slot is free before `done` is written: a reader of it can start again
    }
    // A killed process writes nothing more; nor does an owner whose lease lapsed (a paused
    // process, Redis unreachable for longer than the lease): its readers already heard
    // `interrupted`, and *Continue* builds on exactly what they saw.
    if (reason === "killed" || reason === "lease lost") return;
    await writeIfLeaseHeld(redis, id, instance, entryId(seq), { type: "done", tokens: String(seq), reason });
    await redis.expire(streamKey(id), ttlSeconds);
    await redis.del(leaseKey(id));
  }
  // #endregion

  return {
    /**
     * Starts a job generated here; any instance can read it. `client` (an address) is what
     * maxGeneratingPerClient counts; without one (the tests, the comparison) only the total is.
     */
    async start(prompt: string, client?: string): Promise<string> {
      if (generating.size >= maxGenerating)
        throw new HttpError(
          429,
          "too_many_jobs",
          `This instance is generating ${maxGenerating} replies; try again soon.`,
          1,
        );
      const release = client === undefined ? () => {} : perClient.tryOpen(client);
      if (!release)
        throw new HttpError(
          429,
          "too_many_jobs",
          `You have ${maxGeneratingPerClient} replies generating; wait for one to finish.`,
          1,
        );
      // The slot is taken before the first await: requests that arrive together cannot all
      // pass the check above and then start one each (311 of 300 slots, once).
      const id = randomUUID();
      const controller = new AbortController();
      generating.set(id, controller);
      try {
        // Kept (with the stream's TTL) so "continue" can be built on the server, which owns the prompt.
        await redis.set(promptKey(id), prompt, { expiration: { type: "EX", value: ttlSeconds } });
        await redis.set(leaseKey(id), instance, {
          expiration: { type: "PX", value: leaseMs },
          condition: "NX",
        });
      } catch (error) {
        generating.delete(id);
        release();
        throw error;
      }
      // Redis gone mid-reply (or this instance closing): readers learn it from the lease.
      generate(id, prompt, controller, release).catch(() => {});
      return id;
    },

    /**
     * After `interrupted`: a new job asked to continue the partial answer. Not a
     * resume: the model's state died with its instance, so it is asked again,
     * with what it had written, and told not to repeat it. Undefined for an unknown job.
     */
    async continueJob(id: string, client?: string): Promise<string | undefined> {
      const prompt = await redis.get(promptKey(id));
      if (prompt === null) return undefined;
      const entries = (await redis.xRange(streamKey(id), "-", "+")) ?? [];
      const partial = entries.map(({ message }) => (message.type === "token" ? message.text : "")).join("");
      return this.start(`${prompt}\n\nContinue this partial answer; do not repeat it:\n${partial}`, client);
    },

    /** Stops a job wherever it is generated. */
    async cancel(id: string): Promise<void> {
      await redis.publish(CANCEL_CHANNEL, id);
    },

    async exists(id: string): Promise<boolean> {
      return (await redis.exists([streamKey(id), leaseKey(id)])) > 0;
    },

    /** The instance generating the job (its lease holder), if one is. */
    async owner(id: string): Promise<string | undefined> {
      return (await redis.get(leaseKey(id))) ?? undefined;
    },

    /** The token count, once the job has ended; undefined while it runs (or if unknown). */
    async finishedWith(id: string): Promise<number | undefined> {
      const [last] = (await redis.xRevRange(streamKey(id), "+", "-", { COUNT: 1 })) ?? [];
      return last?.message.type === "done" ? Number(last.message.tokens) : undefined;
    },

    /**
     * The job's entries after `afterSeq` (-1: from the start), then live ones,
     * ending with `done`, or `interrupted` when the owner's lease runs out.
     * Stops (closing its blocking connection) when `signal` aborts.
     */
    read(id: string, afterSeq: number, signal: AbortSignal) {
      return followJob(redis, id, afterSeq, signal, leaseMs);
    },

    /**
     * The token count of a job that died mid-reply (no `done`, and no owner
     * holds its lease); undefined for a job that runs, finished, or is unknown.
     */
    async interruptedAt(id: string): Promise<number | undefined> {
      if (await redis.exists(leaseKey(id))) return undefined;
      const [last] = (await redis.xRevRange(streamKey(id), "+", "-", { COUNT: 1 })) ?? [];
      return last?.message.type === "token" ? Number(last.message.seq) + 1 : undefined;
    },

    /** Jobs this instance is generating right now. */
    generating: () => generating.size,

    /**
     * Stops this instance. `kill`: as SIGKILL would, mid-reply, with no goodbye:
     * no `done`, and the lease is left to run out (the test of "the owner died").
     */
    async close({ kill = false } = {}): Promise<void> {
      if (closed) return;
      closed = true;
      const why: StopReason = kill ? "killed" : "shutdown";
      for (const controller of generating.values()) controller.abort(why);
      control.destroy(); // unsubscribes too
    },
  };
}

export type JobStreams = Awaited<ReturnType<typeof createJobStreams>>;
