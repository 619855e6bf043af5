// Lesson 01's server: one app, three ways to get a reply to the page.
import { createMockLlm, type MockLlm } from "@workshop/mock-llm";
import {
  createJobStore,
  createLessonApp,
  createStreamLimit,
  type JobBudget,
  type JobLessonParts,
  type LessonServer,
  serveLesson,
} from "@workshop/server-kit";
import { addCompleteRoute } from "./complete-route.ts";
import { addJobRoutes } from "./jobs-route.ts";
import { addLongPollRoute, type LongPolls } from "./long-poll-route.ts";

export const LESSON = "01-polling";

export interface PollingServerOptions {
  llm?: MockLlm;
  /** How long a long poll is held before answering "nothing yet". */
  longPollTimeoutMs?: number;
  keepFinishedMs?: number;
  abandonAfterMs?: number;
  /** Job budgets; default from the environment (see README "Limits"). */
  budget?: Partial<JobBudget>;
  /** Long polls one client address may hold at once. */
  maxStreamsPerClient?: number;
}

export interface PollingApp extends JobLessonParts {
  longPolls: LongPolls;
  /** Blocking requests still generating. */
  completing: Set<AbortController>;
}

export function createApp(options: PollingServerOptions = {}): PollingApp {
  const llm = options.llm ?? createMockLlm();
  const jobs = createJobStore({
    llm,
    keepFinishedMs: options.keepFinishedMs,
    abandonAfterMs: options.abandonAfterMs,
    budget: options.budget,
  });
  const completing = new Set<AbortController>();
  let longPolls: LongPolls | undefined;
  // Requests held open (blocking completions, long polls), per client address.
  const held = createStreamLimit(options.maxStreamsPerClient);
  const app = createLessonApp(LESSON, (app) => {
    addCompleteRoute(app, llm, { running: completing, limit: held });
    addJobRoutes(app, jobs);
    longPolls = addLongPollRoute(app, jobs, { timeoutMs: options.longPollTimeoutMs ?? 25_000, limit: held });
  });
  return { app, llm, jobs, longPolls: longPolls as LongPolls, completing };
}

export function createServer(options: PollingServerOptions = {}): LessonServer & PollingApp {
  const parts = createApp(options);
  return serveLesson(parts, () => {
    parts.longPolls.answerAll(); // held long polls get an answer, not a reset
    for (const controller of parts.completing) controller.abort();
    parts.jobs.close();
  });
}
