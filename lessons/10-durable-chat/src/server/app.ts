// Lesson 10's server: chats whose answers are runs that outlive their requests.
// In memory by default; with a Redis URL, in Redis Streams (lesson 07's job streams).
import { createMockLlm, type MockLlm } from "@workshop/mock-llm";
import { createLessonApp, createStreamLimit, type LessonServer, serveLesson } from "@workshop/server-kit";
import type { Express } from "express";
import { LIMITS } from "../protocol.ts";
import { addAiSdkRoutes } from "./ai-sdk-routes.ts";
import { addChatRoutes } from "./chat-routes.ts";
import type { ChatStore } from "./chat-store.ts";
import { createMemoryChatStore } from "./chat-store.ts";
import { createDurableChat, type DurableChat } from "./durable-chat.ts";
import { createMemoryRuns } from "./memory-runs.ts";
import { addRunEventsRoute } from "./run-events-route.ts";
import type { Runs } from "./runs.ts";

export const LESSON = "10-durable-chat";

export interface DurableChatServerOptions {
  llm?: MockLlm;
  /** Where runs and chats live; both in this process's memory by default. */
  runs?: Runs;
  store?: ChatStore;
  /** Stop a run nobody has read for this long (ms); 0: never (UNREAD_STOP_MS, default 0). */
  unreadStopMs?: number;
  /** Streams (run readers) one client address may have open at once. */
  maxStreamsPerClient?: number;
  maxTokens?: number;
  maxMessagesPerChat?: number;
}

export interface DurableChatApp {
  app: Express;
  llm: MockLlm;
  chat: DurableChat;
  runs: Runs;
}

export function createServer(options: DurableChatServerOptions = {}): LessonServer & DurableChatApp {
  const llm = options.llm ?? createMockLlm();
  const runs = options.runs ?? createMemoryRuns({ llm, maxTokens: options.maxTokens ?? LIMITS.tokensPerRun });
  const store = options.store ?? createMemoryChatStore();
  const unreadStopMs = options.unreadStopMs ?? (Number(process.env.UNREAD_STOP_MS) || 0);
  const chat = createDurableChat({ runs, store, unreadStopMs, maxMessages: options.maxMessagesPerChat });
  const limit = createStreamLimit(options.maxStreamsPerClient);
  const app = createLessonApp(
    LESSON,
    (app) => {
      addChatRoutes(app, chat);
      addRunEventsRoute(app, runs, chat, limit);
      addAiSdkRoutes(app, runs, chat, limit);
    },
    {
      bodyLimit: LIMITS.bodyBytes,
      health: () => ({ generating: runs.generating(), readers: chat.readers() }),
    },
  );
  return serveLesson({ app, llm, chat, runs }, () => chat.close());
}
