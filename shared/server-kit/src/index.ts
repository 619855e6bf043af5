export { HttpError, jsonErrors, notFound, sendError } from "./errors.ts";
export {
  drainOrClose,
  EVENT_STREAM_HEADERS,
  type EventStream,
  type EventStreamOptions,
  openEventStream,
} from "./event-stream.ts";
export { addStartJobRoute, findJob } from "./job-routes.ts";
export { createJobStore, type Job, type JobStore, type JobStoreOptions } from "./job-store.ts";
export { BODY_LIMIT, createLessonApp } from "./lesson-app.ts";
export { lessonHost, lessonPorts } from "./lesson-ports.ts";
export {
  closeServer,
  type JobLessonParts,
  type LessonServer,
  runLessonServer,
  serveLesson,
} from "./run-lesson-server.ts";
export { MAX_PROMPT_LENGTH, readCount, readPrompt } from "./validate.ts";
