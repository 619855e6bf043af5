// Lesson 04's server: the chat BFF, plus the mock LLM served as an upstream
// provider on the same server (reached over real HTTP, like a real one).
import type { AddressInfo } from "node:net";
import { createMockLlm, type MockLlm } from "@workshop/mock-llm";
import { createLessonApp, createStreamLimit, type LessonServer, serveLesson } from "@workshop/server-kit";
import type { Express } from "express";
import { addChatRoute } from "./chat-route.ts";
import { allowCrossOriginChat, type CrossOriginChat } from "./cross-origin-chat.ts";
import { addMockUpstream } from "./mock-upstream.ts";
import { type UpstreamConfig, upstreamFromEnv } from "./upstream.ts";

export const LESSON = "04-llm-chat";

export interface ChatServerOptions {
  llm?: MockLlm;
  /** Overrides the environment (OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL, OPENAI_MODELS, SYSTEM_PROMPT, UPSTREAM_FORMAT). */
  upstream?: Partial<UpstreamConfig>;
  /** Default: CHAT_IDLE_TIMEOUT_MS, else 30 s. */
  idleTimeoutMs?: number;
  /** Chat streams one client address may have open at once. */
  maxStreamsPerClient?: number;
  /** Where upstream failures are logged (redacted). Default: console.warn. */
  log?: (line: string) => void;
  /** Pages on other origins allowed to POST /api/chat. Default: none (the page is same-origin). */
  crossOrigin?: CrossOriginChat;
}

export interface ChatApp {
  app: Express;
  llm: MockLlm;
}

export function createServer(options: ChatServerOptions = {}): LessonServer & ChatApp {
  const llm = options.llm ?? createMockLlm();
  // The mock upstream lives on this very server; its port is known once listening.
  let port = 0;
  const selfUrl = () => `http://127.0.0.1:${port}/v1`;
  const fromEnv = upstreamFromEnv(selfUrl);
  const upstream = (): UpstreamConfig => ({ ...fromEnv(), ...options.upstream });

  const app = createLessonApp(
    LESSON,
    (app) => {
      if (options.crossOrigin) app.use("/api/chat", allowCrossOriginChat(options.crossOrigin));
      addChatRoute(app, {
        upstream,
        idleTimeoutMs: options.idleTimeoutMs ?? (Number(process.env.CHAT_IDLE_TIMEOUT_MS) || 30_000),
        limit: createStreamLimit(options.maxStreamsPerClient),
        log: options.log ?? ((line) => console.warn(line)),
      });
      addMockUpstream(app, llm);
    },
    { bodyLimit: 512 * 1024 }, // a long conversation is sent whole with every turn
  );
  const lesson = serveLesson({ app, llm }, () => {});
  lesson.server.on("listening", () => {
    port = (lesson.server.address() as AddressInfo).port;
  });
  return lesson;
}
