export { BODY_TIMEOUT_MS } from "./body-guards.ts";
export { clientAddress } from "./client-address.ts";
export { DEBUG_HEADER, requireDebugHeader } from "./debug-routes.ts";
export { HttpError, jsonErrors, notFound, sendError, sendPlainError } from "./errors.ts";
export { addStartJobRoute, findJob } from "./job-routes.ts";
export {
  createJobStore,
  DEFAULT_JOB_BUDGET,
  type Job,
  type JobBudget,
  type JobStore,
  type JobStoreOptions,
  type JobStoreUsage,
  jobBudgetFromEnv,
} from "./job-store.ts";
export { BODY_LIMIT, createLessonApp, type LessonAppOptions } from "./lesson-app.ts";
export { lessonHost, lessonPageOrigins, lessonPorts } from "./lesson-ports.ts";
export {
  closeServer,
  type JobLessonParts,
  type LessonServer,
  type PlainRoute,
  runLessonServer,
  serveLesson,
  setTimeouts,
} from "./run-lesson-server.ts";
export { createStreamLimit, DEFAULT_STREAMS_PER_CLIENT, type StreamLimit } from "./stream-limit.ts";
export { MAX_PROMPT_LENGTH, readCount, readPrompt } from "./validate.ts";
