export type { Browser, Page } from "playwright-core";
export { activeResources, eventually, type ResourceCounts, resourcesAddedSince } from "./active-resources.ts";
export { apiErrorOf } from "./api-error.ts";
export { describeInBrowser, findChromium, HOW_TO_GET_CHROMIUM, launchBrowser } from "./browser.ts";
export { getJson, postJson } from "./http.ts";
export { connectSse, type SseRecording } from "./sse-client.ts";
export { type LessonUnderTest, startLesson } from "./start-lesson.ts";
export { type RunningPage, startPage } from "./start-page.ts";
export { type RunningServer, startServer } from "./start-server.ts";
