// For the checks: a private Redis and job-streams instances from the code
// under check, all closed however the check ends.
import type { LessonCode } from "@workshop/exercises";
import { createMockLlm } from "@workshop/mock-llm";
import { startPrivateRedis } from "@workshop/server-kit/private-redis";
import type * as Streams from "../src/server/job-streams.ts";
import type * as RedisClients from "../src/server/redis.ts";

export const PROMPT = "why stream?";
export const TOKENS = createMockLlm().replyTokens(PROMPT).length;

export async function withInstances(
  code: LessonCode,
  { leaseMs = 2000, tokenDelayMs = 5, maxTokens = 4096 } = {},
  use: (instance: (name: string) => Promise<Streams.JobStreams>, redis: RedisClients.Redis) => Promise<void>,
): Promise<void> {
  const { createJobStreams } = await code.load<typeof Streams>("src/server/job-streams.ts");
  const { redisClient } = await code.load<typeof RedisClients>("src/server/redis.ts");
  const server = await startPrivateRedis();
  const redis = redisClient(server.url);
  await redis.connect();
  const started: Streams.JobStreams[] = [];
  try {
    await use(async (name) => {
      const llm = createMockLlm({ timing: { firstTokenDelayMs: 0, tokenDelayMs, jitterMs: 0 } });
      const streams = await createJobStreams({ redis, instance: name, llm, leaseMs, maxTokens });
      started.push(streams);
      return streams;
    }, redis);
  } finally {
    for (const streams of started) await streams.close();
    redis.destroy();
    await server.stop();
  }
}

/**
 * Reads a job until it ends, or until `stopAt` (a count of entries, or a test of those read so
 * far) says stop: then it leaves, as a dropped client would. Also used by test/job-streams.test.ts.
 */
export async function readJob(
  streams: Streams.JobStreams,
  id: string,
  afterSeq: number,
  stopAt: number | ((entries: Streams.JobEntry[]) => boolean) = Number.POSITIVE_INFINITY,
) {
  const stop = typeof stopAt === "number" ? (entries: unknown[]) => entries.length >= stopAt : stopAt;
  const controller = new AbortController();
  const entries: Streams.JobEntry[] = [];
  for await (const entry of streams.read(id, afterSeq, controller.signal)) {
    entries.push(entry);
    if (stop(entries)) controller.abort();
  }
  return entries;
}

export const seqsOf = (entries: Streams.JobEntry[]) =>
  entries.flatMap((e) => (e.type === "token" ? [e.seq] : []));

/**
 * Resolves once the job's stream holds `count` entries: "a few tokens in", awaited, not slept.
 * If that never happens, it never settles (wrap it in within()), and stops asking once the
 * check has closed Redis, rather than rejecting after the check is over.
 */
export async function tokensWritten(redis: RedisClients.Redis, id: string, count: number): Promise<void> {
  for (;;) {
    let length: number;
    try {
      length = await redis.xLen(`job:${id}`);
    } catch {
      return new Promise<never>(() => {}); // Redis closed: the check that waited is over
    }
    if (length >= count) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
