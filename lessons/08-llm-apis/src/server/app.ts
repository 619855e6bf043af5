// Lesson 08's server: the BFF (/api/chat, /api/ui-chat) and, on the same
// server, a mock of every provider it can talk to, reached over real HTTP.
import type { AddressInfo } from "node:net";
import { createMockLlm, type MockLlm } from "@workshop/mock-llm";
import { createLessonApp, createStreamLimit, type LessonServer, serveLesson } from "@workshop/server-kit";
import type { Express } from "express";
import { LIMITS, type Provider } from "../protocol.ts";
import { addChatRoute } from "./chat-route.ts";
import { addMockUpstreams } from "./mock/index.ts";
import { addUiChatRoute } from "./ui-message-stream.ts";
import { upstreamFor } from "./upstreams.ts";

export const LESSON = "08-llm-apis";

export interface ApisServerOptions {
  llm?: MockLlm;
  /** Chat streams one client address may have open at once. */
  maxStreamsPerClient?: number;
  /** Instead of process.env (tests: no real keys, ever). */
  env?: NodeJS.ProcessEnv;
  /** Provider silence that ends an answer; default CHAT_IDLE_TIMEOUT_MS, else 30 s. */
  idleTimeoutMs?: number;
}

export interface ApisApp {
  app: Express;
  llm: MockLlm;
  /** Mock upstream streams generating right now. */
  running: { count: number };
}

export function createServer(options: ApisServerOptions = {}): LessonServer & ApisApp {
  const llm = options.llm ?? createMockLlm();
  const running = { count: 0 };
  let port = 0; // known once listening: the mocks live on this very server
  const upstream = (provider: Provider) => upstreamFor(provider, `http://127.0.0.1:${port}`, options.env);
  const limit = createStreamLimit(options.maxStreamsPerClient);
  const idleTimeoutMs = options.idleTimeoutMs ?? (Number(process.env.CHAT_IDLE_TIMEOUT_MS) || 30_000);
  const app = createLessonApp(
    LESSON,
    (app) => {
      addChatRoute(app, { upstream, limit, idleTimeoutMs });
      addUiChatRoute(app, { upstream, limit, idleTimeoutMs });
      addMockUpstreams(app, { llm, running });
    },
    { bodyLimit: LIMITS.bodyBytes, health: () => ({ running: running.count }) },
  );
  const lesson = serveLesson({ app, llm, running }, () => {});
  lesson.server.on("listening", () => {
    port = (lesson.server.address() as AddressInfo).port;
  });
  return lesson;
}
