export { type FaultProxy, startFaultProxy } from "@workshop/fault-proxy";
export type { Browser, BrowserContext, Page } from "playwright-core";
export { activeResources, eventually, type ResourceCounts, resourcesAddedSince } from "./active-resources.ts";
export { apiErrorOf } from "./api-error.ts";
export {
  describeInBrowser,
  findChromium,
  HOW_TO_GET_CHROMIUM,
  launchBrowser,
  sharedBrowser,
} from "./browser.ts";
export { HOW_TO_GET_A_CJK_FONT, hasCjkFont } from "./cjk-font.ts";
export { deferred, settlesWithin } from "./deferred.ts";
export { openHalfOpenWebSocket } from "./half-open-websocket.ts";
export { getJson, postJson } from "./http.ts";
export { freshPage, type Served, servePage } from "./lesson-page.ts";
export { listeningPort } from "./listening-port.ts";
export { allGone, childrenOf, isRunning } from "./processes.ts";
export { describeWithRedis } from "./redis.ts";
export { connectSse, type SseRecording, type SseRequest } from "./sse-client.ts";
export { type LessonUnderTest, startLesson } from "./start-lesson.ts";
export { type RunningPage, startPage } from "./start-page.ts";
export { type RunningServer, startServer } from "./start-server.ts";
export { connectWebSocket, type WsRecording } from "./ws-client.ts";
