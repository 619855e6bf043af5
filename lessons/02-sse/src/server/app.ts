// Lesson 02's server: Server-Sent Events for a clock, a resumable reply, and
// notifications broadcast to every open page.

import type { ServerResponse } from "node:http";
import { createMockLlm, type MockLlm } from "@workshop/mock-llm";
import {
  addStartJobRoute,
  createJobStore,
  createLessonApp,
  type JobBudget,
  type JobLessonParts,
  type JobStore,
  type LessonServer,
  serveLesson,
} from "@workshop/server-kit";
import { addClockRoute } from "./clock-route.ts";
import { allowOrigins } from "./cors.ts";
import { addDebugRoutes } from "./debug-route.ts";
import { addJobEventsRoute } from "./job-events-route.ts";
import { addNotificationRoutes } from "./notifications-route.ts";
import { createOpenStreams } from "./open-streams.ts";
import { addTutorialRoute } from "./tutorial-route.ts";

export const LESSON = "02-sse";

export interface SseServerOptions {
  llm?: MockLlm;
  /** Share one store between servers to show resuming on another instance. */
  jobs?: JobStore;
  retryMs?: number;
  heartbeatMs?: number;
  clockMs?: number;
  /** Live connection counts go out at most this often (a new page gets one at once). */
  presenceIntervalMs?: number;
  /** Per-client queue limit for notifications before a slow client is dropped. */
  maxQueuedBytes?: number;
  /** A job with no open stream for this long is cancelled. */
  abandonAfterMs?: number;
  /** POST /api/debug/drop; on unless NODE_ENV=production. */
  debug?: boolean;
  /** Origins allowed to open event streams cross-origin (CORS, with credentials). */
  corsOrigins?: readonly string[];
  /** Job budgets; default from the environment (see README "Limits"). */
  budget?: Partial<JobBudget>;
  /** Event streams one client address may hold open; more get 429. */
  maxStreamsPerClient?: number;
}

export interface SseApp extends JobLessonParts {
  notifications: ReturnType<typeof addNotificationRoutes>;
  /** Every open event-stream response (0 once every client has left). */
  openStreams: Set<ServerResponse>;
}

export function createApp(options: SseServerOptions = {}): SseApp {
  const llm = options.llm ?? createMockLlm();
  const jobs =
    options.jobs ??
    createJobStore({ llm, abandonAfterMs: options.abandonAfterMs ?? 30_000, budget: options.budget });
  const settings = {
    retryMs: options.retryMs ?? 1000,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    clockMs: options.clockMs ?? 1000,
    presenceIntervalMs: options.presenceIntervalMs ?? 1000,
    maxQueuedBytes: options.maxQueuedBytes,
    open: createOpenStreams(options.maxStreamsPerClient),
  };
  let notifications: ReturnType<typeof addNotificationRoutes> | undefined;
  const app = createLessonApp(LESSON, (app) => {
    if (options.corsOrigins) app.use(allowOrigins(options.corsOrigins));
    addStartJobRoute(app, jobs);
    addJobEventsRoute(app, jobs, settings);
    addClockRoute(app, settings);
    notifications = addNotificationRoutes(app, settings);
    addTutorialRoute(app, llm, settings);
    if (options.debug ?? process.env.NODE_ENV !== "production") addDebugRoutes(app, settings.open.all);
  });
  return {
    app,
    llm,
    jobs,
    notifications: notifications as NonNullable<typeof notifications>,
    openStreams: settings.open.all,
  };
}

export function createServer(options: SseServerOptions = {}): LessonServer & SseApp {
  const parts = createApp(options);
  return serveLesson(
    parts,
    () => {
      parts.notifications.stopPresence();
      for (const res of parts.openStreams) res.end(); // a clean end; browsers will retry elsewhere
      if (!options.jobs) parts.jobs.close(); // a shared store belongs to its owner
    },
    { plain: parts.notifications.listen },
  );
}
