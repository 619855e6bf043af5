// Lesson 01's server: one app, three ways to get a reply to the page.
import { createMockLlm, type MockLlm } from "@workshop/mock-llm";
import {
  createJobStore,
  createLessonApp,
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
  });
  const completing = new Set<AbortController>();
  let longPolls: LongPolls | undefined;
  const app = createLessonApp(LESSON, (app) => {
    addCompleteRoute(app, llm, completing);
    addJobRoutes(app, jobs);
    longPolls = addLongPollRoute(app, jobs, options.longPollTimeoutMs ?? 25_000);
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
