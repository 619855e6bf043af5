// `pnpm dev 07` / `pnpm start`: Redis (REDIS_URL, or a private redis-server on
// a free port, stopped on exit), three instances as processes, and the
// balancer on 127.0.0.1:3107.
//
// Redis and instance a are started first, before this process loads the balancer and Redis's
// client: the instance's Node start (about half a second) then runs beside everything else here
// instead of after it, which was most of the lesson's start-up. Redis gets its port the moment
// it is chosen (another socket could take a free port left waiting), and the instance connects
// once Redis answers (the client retries by itself); the balancer adopts it.
import { freePort } from "@workshop/server-kit/free-port";
import { findRedisServer, privateRedisFailure, startPrivateRedis } from "@workshop/server-kit/private-redis";
import { type InstanceProcess, startInstanceProcess } from "./instance-process.ts";

const redisPort = process.env.REDIS_URL ? undefined : await freePort();
const redisStarting =
  redisPort === undefined ? undefined : startPrivateRedis(findRedisServer(), { port: redisPort });
redisStarting?.catch(() => {}); // a failure is reported below, once the lesson can name itself
const redisUrl = process.env.REDIS_URL ?? `redis://127.0.0.1:${redisPort}`;
let firstInstance: Promise<InstanceProcess> | undefined = startInstanceProcess("a", 0, redisUrl);
firstInstance.catch(() => {}); // a failure is the balancer's to report, when it adopts it

const [{ runLessonServer }, { createBalancer }, { LESSON }, { startLines }, { fromLesson }] =
  await Promise.all([
    import("@workshop/server-kit"),
    import("./balancer.ts"),
    import("./lesson-name.ts"),
    import("./start-lines.ts"),
    import("@workshop/server-kit/lesson-server-text"),
  ]);
const say = startLines();

const fail = (message: string): never => {
  console.error(fromLesson(LESSON, message));
  process.exit(1);
};

const redis = redisStarting
  ? await redisStarting.catch((error: Error) => fail(privateRedisFailure(error)))
  : { url: redisUrl, stop: async () => {} };
if (process.env.REDIS_URL) {
  const { whyRedisUnreachable } = await import("./redis-reachable.ts");
  const why = await whyRedisUnreachable(redisUrl);
  if (why) fail(say.redisUnreachable(redisUrl, why));
}
const balancer = await createBalancer({
  redisUrl: redis.url,
  readyWhen: "first",
  // The first start of a is the one already under way; a restart (the kill switch) is a new process.
  startInstance: (name, port) => {
    const adopted = name === "a" ? firstInstance : undefined;
    if (adopted) firstInstance = undefined;
    return adopted ?? startInstanceProcess(name, port, redis.url);
  },
});
console.log(
  fromLesson(
    LESSON,
    say.started(
      redis.url,
      balancer.instances().map((instance) => instance.name),
    ),
  ),
);

runLessonServer(LESSON, {
  server: balancer.server,
  async shutdown() {
    await balancer.shutdown();
    await redis.stop();
  },
});
