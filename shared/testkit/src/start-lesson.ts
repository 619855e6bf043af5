// A lesson server in a test: on 127.0.0.1:0, with `startJob` for the shared
// scenario and a `close` that shuts the lesson down the way SIGTERM would.
import type { Server } from "node:http";
import type { JobCreated } from "@workshop/protocol";
import { postJson } from "./http.ts";
import { startServer } from "./start-server.ts";

export interface LessonUnderTest {
  url: string;
  /** POST /api/jobs { prompt } → the job id (fails the test on anything but 202). */
  startJob(prompt: string): Promise<string>;
  /** Graceful shutdown, then every connection closed. */
  close(): Promise<void>;
}

export async function startLesson<T extends { server: Server; shutdown(): Promise<void> }>(
  lesson: T,
): Promise<T & LessonUnderTest> {
  const running = await startServer(lesson.server);
  return {
    ...lesson,
    url: running.url,
    async startJob(prompt) {
      const response = await postJson(`${running.url}/api/jobs`, { prompt });
      if (response.status !== 202)
        throw new Error(`POST /api/jobs → ${response.status}: ${await response.text()}`);
      return ((await response.json()) as JobCreated).id;
    },
    async close() {
      await lesson.shutdown();
      await running.close().catch(() => {}); // shutdown may have closed it already
    },
  };
}
