export { HttpError, jsonErrors, notFound, sendError } from "./errors.ts";
export { createJobStore, type Job, type JobStore, type JobStoreOptions } from "./job-store.ts";
export { BODY_LIMIT, createLessonApp } from "./lesson-app.ts";
export { lessonHost, lessonPorts } from "./lesson-ports.ts";
export { closeServer, type LessonServer, runLessonServer } from "./run-lesson-server.ts";
export { MAX_PROMPT_LENGTH, readCount, readPrompt } from "./validate.ts";
