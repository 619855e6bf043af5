// What lesson code running outside a test needs from the testkit (lesson 05's
// stations, lesson 07's and 08's comparisons): servers on 127.0.0.1:0, without the
// browser, Vite and vitest that the index also loads (importing those took
// `pnpm dev 05` 1.6 s). The fault proxy is its own package (@workshop/fault-proxy),
// re-exported here for the tests that reach it through the testkit.
export { type FaultProxy, startFaultProxy } from "@workshop/fault-proxy";
export { type LessonUnderTest, startLesson } from "./start-lesson.ts";
export { type RunningServer, startServer } from "./start-server.ts";
