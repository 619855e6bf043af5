// Lesson 06's server: nothing new on the wire. Lesson 04's chat BFF (with its
// mock upstream) and lesson 02's notification stream, imported from their
// packages and mounted on one app, so the React and Vue pages talk to exactly
// what the vanilla pages did. The lesson is in the clients.
import type { AddressInfo } from "node:net";
import { addNotificationRoutes } from "@workshop/02-sse/server/notifications-route.ts";
import { createOpenStreams, type OpenStreams } from "@workshop/02-sse/server/open-streams.ts";
import { addChatRoute } from "@workshop/04-llm-chat/server/chat-route.ts";
import { addMockUpstream } from "@workshop/04-llm-chat/server/mock-upstream.ts";
import { type UpstreamConfig, upstreamFromEnv } from "@workshop/04-llm-chat/server/upstream.ts";
import { createMockLlm, type MockLlm, steadyTiming } from "@workshop/mock-llm";
import { createLessonApp, createStreamLimit, type LessonServer, serveLesson } from "@workshop/server-kit";
import type { Express } from "express";
import { FAST_MODEL } from "../stream/page-switches.ts";
import { cutInsideCharacters } from "./cut-inside-characters.ts";

export const LESSON = "06-frameworks";

export interface FrameworksServerOptions {
  llm?: MockLlm;
  /** Overrides the environment, as in lesson 04 (OPENAI_BASE_URL, …). */
  upstream?: Partial<UpstreamConfig>;
  heartbeatMs?: number;
  /** Where upstream failures are logged (redacted). Default: console.warn. */
  log?: (line: string) => void;
}

export interface FrameworksApp {
  app: Express;
  llm: MockLlm;
  /** The model behind FAST_MODEL. */
  fastLlm: MockLlm;
  notifications: ReturnType<typeof addNotificationRoutes>;
  /** Every open notification stream: the tests count EventSources with it. */
  openStreams: OpenStreams["all"];
}

export function createServer(options: FrameworksServerOptions = {}): LessonServer & FrameworksApp {
  const llm = options.llm ?? createMockLlm();
  const fastLlm = createMockLlm({ timing: steadyTiming(1) }); // a token every millisecond
  let port = 0; // the mock upstream lives on this very server, as in lesson 04
  const fromEnv = upstreamFromEnv(() => `http://127.0.0.1:${port}/v1`);
  const open = createOpenStreams();
  const settings = {
    retryMs: 1000,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    presenceIntervalMs: 1000,
    open,
  };
  let notifications: ReturnType<typeof addNotificationRoutes> | undefined;
  const app = createLessonApp(
    LESSON,
    (app) => {
      app.use("/api/chat", cutInsideCharacters()); // the page's "Cut inside characters" switch
      addChatRoute(app, {
        upstream: () => {
          const config = { ...fromEnv(), ...options.upstream };
          return { ...config, models: [...config.models, FAST_MODEL] };
        },
        idleTimeoutMs: Number(process.env.CHAT_IDLE_TIMEOUT_MS) || 30_000,
        limit: createStreamLimit(),
        log: options.log ?? ((line) => console.warn(line)),
      });
      addMockUpstream(app, llm, { [FAST_MODEL]: fastLlm });
      notifications = addNotificationRoutes(app, settings);
    },
    // `running`: generations in progress. A page that leaves mid-answer must bring it back to 0.
    { bodyLimit: 512 * 1024, health: () => ({ running: llm.running + fastLlm.running }) },
  );
  const parts = {
    app,
    llm,
    fastLlm,
    notifications: notifications as NonNullable<typeof notifications>,
    openStreams: open.all,
  };
  const lesson = serveLesson(
    parts,
    () => {
      parts.notifications.stopPresence();
      for (const res of open.all) res.end();
    },
    { plain: parts.notifications.listen },
  );
  lesson.server.on("listening", () => {
    port = (lesson.server.address() as AddressInfo).port;
  });
  return lesson;
}
