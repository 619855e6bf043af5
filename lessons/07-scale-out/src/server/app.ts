// One instance of lesson 07's server. Several run side by side behind the
// balancer, sharing nothing but Redis: any of them can start a job, serve its
// stream, resume it, or cancel it. Every response says which one answered.
import { EVENTS, type NoticeData } from "@workshop/02-sse/protocol";
import { addNotificationRoutes, readNotice } from "@workshop/02-sse/server/notifications-route.ts";
import { createOpenStreams } from "@workshop/02-sse/server/open-streams.ts";
import type { MockLlm } from "@workshop/mock-llm";
import { createMockLlm } from "@workshop/mock-llm";
import { encodeEvent } from "@workshop/protocol";
import {
  createLessonApp,
  HttpError,
  type LessonServer,
  lessonPageOrigins,
  serveLesson,
} from "@workshop/server-kit";
import { addChatSocket } from "./chat-socket.ts";
import { addJobRoutes } from "./job-routes.ts";
import { createJobStreams, type JobStreams } from "./job-streams.ts";
import { LESSON } from "./lesson-name.ts";
import { NOTICE_CURSOR, publishNotice, readNotices, subscribeToNotices } from "./notice-feed.ts";
import { sumPresence } from "./presence-sum.ts";
import { redisClient } from "./redis.ts";

export { LESSON };

export interface InstanceOptions {
  /** a, b, c… shown in X-Instance and /api/health. */
  name: string;
  redisUrl: string;
  llm?: MockLlm;
  leaseMs?: number;
  retryMs?: number;
  heartbeatMs?: number;
  /** How often presence is announced and each instance's count renewed in Redis. */
  presenceIntervalMs?: number;
  /** Event streams and sockets one client address may hold per instance (lesson 02's bound). */
  maxStreamsPerClient?: number;
  /** Which page origins may open a WebSocket. Default: this lesson's page. */
  isAllowedOrigin?: (origin: string) => boolean;
}

export interface Instance extends LessonServer {
  jobs: JobStreams;
  name: string;
  /**
   * As SIGKILL would, without a process (lesson 07's comparison runs instances
   * in one process): connections cut, no `done` written, the lease left to run out.
   */
  kill(): Promise<void>;
}

export async function createInstance(options: InstanceOptions): Promise<Instance> {
  const redis = redisClient(options.redisUrl);
  await redis.connect();
  const jobs = await createJobStreams({
    redis,
    instance: options.name,
    llm: options.llm ?? createMockLlm(),
    leaseMs: options.leaseMs,
  });
  const settings = {
    retryMs: options.retryMs ?? 1000,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    instance: options.name,
  };
  const open = createOpenStreams(options.maxStreamsPerClient);
  const presenceIntervalMs = options.presenceIntervalMs ?? 1000;
  let notifications: ReturnType<typeof addNotificationRoutes> | undefined;
  const app = createLessonApp(
    LESSON,
    (app) => {
      // Jobs and notices live in Redis. Without it, say so at once (503), rather than queue
      // the command and answer 500 seconds later.
      app.use(["/api/jobs", "/api/notifications", "/api/notices"], (req, _res, next) => {
        if (redis.isReady || (req.method === "GET" && req.path === "/")) return next();
        next(new HttpError(503, "redis_unavailable", "Redis does not answer; try again in a moment."));
      });
      // Before lesson 02's own POST (the first route wins): a notice goes to every
      // instance over Redis, and each one relays it to its own pages below.
      app.post("/api/notifications", async (req, res) => {
        await publishNotice(redis, readNotice(req.body)); // lesson 02's validation
        res.status(202).json({ published: true });
      });
      // The kept notices (a Stream), for a page that was away: everything after the last id it
      // saw, from any instance. Pub/sub above cannot do this: what it said meanwhile is gone.
      app.get("/api/notices", async (req, res) => {
        const after = typeof req.query.after === "string" ? req.query.after : "0";
        if (!NOTICE_CURSOR.test(after))
          throw new HttpError(400, "bad_cursor", "`after` is 0 or a notice id this feed gave you.");
        res.json(await readNotices(redis, after));
      });
      notifications = addNotificationRoutes(app, {
        ...settings,
        presenceIntervalMs,
        open,
        countListeners: () => presence.total(), // every instance's pages, not only this one's
      });
      addJobRoutes(app, jobs, { ...settings, open });
    },
    {
      health: () => ({ instance: options.name, ok: redis.isReady, redis: redis.isReady ? "ready" : "down" }),
    },
  );
  const local = notifications as NonNullable<typeof notifications>;
  const presence = sumPresence({
    redis,
    instance: options.name,
    local: () => local.size,
    intervalMs: presenceIntervalMs,
    changed: local.recountPresence,
  });
  const unsubscribe = await subscribeToNotices(redis, (notice: NoticeData) => {
    local.send(encodeEvent({ event: EVENTS.notice, data: JSON.stringify(notice) }));
  });
  const lesson = serveLesson(
    { app },
    async () => {
      local.stopPresence();
      await presence.stop();
      for (const res of open.all) res.end();
    },
    { plain: local.listen },
  );
  // Before any route (Express's and plain ones): every answer says which instance the balancer picked.
  lesson.server.prependListener("request", (_req, res) => res.setHeader("X-Instance", options.name));
  const allowed = lessonPageOrigins("07");
  const sockets = await addChatSocket(lesson.server, {
    redis,
    jobs,
    instance: options.name,
    heartbeatMs: settings.heartbeatMs,
    maxSocketsPerClient: options.maxStreamsPerClient,
    isAllowedOrigin: options.isAllowedOrigin ?? ((origin) => allowed.has(origin)),
  });
  return {
    ...lesson,
    jobs,
    name: options.name,
    async shutdown() {
      await sockets.close();
      await unsubscribe();
      await jobs.close();
      await lesson.shutdown();
      redis.destroy();
    },
    async kill() {
      await jobs.close({ kill: true });
      await sockets.close({ kill: true });
      local.stopPresence();
      await presence.stop();
      await unsubscribe();
      lesson.server.close();
      lesson.server.closeAllConnections();
      redis.destroy();
    },
  };
}
