// Runs in Redis Streams: lesson 07's job streams, as they are. Each token is an entry
// any instance can replay and follow; the generating instance holds a lease; Stop
// reaches it over pub/sub from whichever instance the request landed on. A restart of
// this server loses the generation in progress (readers hear `interrupted`), never the
// answers already written.
import { createJobStreams } from "@workshop/07-scale-out/src/server/job-streams.ts";
import type { Redis } from "@workshop/07-scale-out/src/server/redis.ts";
import type { MockLlm } from "@workshop/mock-llm";
import { HttpError } from "@workshop/server-kit";
import type { Runs } from "./runs.ts";

export interface RedisRunsOptions {
  redis: Redis;
  /** This server's name in a run's lease. */
  instance: string;
  llm: MockLlm;
  maxTokens?: number;
  maxGenerating?: number;
  maxGeneratingPerClient?: number;
  leaseMs?: number;
}

export async function createRedisRuns({ redis, ...options }: RedisRunsOptions): Promise<Runs> {
  const jobs = await createJobStreams({ redis, ...options });
  return {
    // Lesson 07 names its bound after jobs; this lesson's clients hear the same code from both stores.
    start: (prompt, client) =>
      jobs.start(prompt, client).catch((error: unknown) => {
        if (!(error instanceof HttpError) || error.code !== "too_many_jobs") throw error;
        throw new HttpError(429, "too_many_runs", error.message, error.retryAfterSeconds);
      }),
    read: (id, afterSeq, signal) => jobs.read(id, afterSeq, signal),
    stop: (id) => jobs.cancel(id),
    endedAt: (id) => jobs.finishedWith(id),
    exists: (id) => jobs.exists(id),
    generating: () => jobs.generating(),
    close: () => jobs.close(),
  };
}
