// Test helper: lesson 03's server on 127.0.0.1:0, and sockets to it.
import { createMockLlm, type MockLlmOptions, steadyTiming } from "@workshop/mock-llm";
import { connectWebSocket, startLesson as startLessonServer } from "@workshop/testkit";
import type { ClientOptions } from "ws";
import type { ServerMessage } from "../src/protocol.ts";
import { createServer, type WebSocketServerOptions } from "../src/server/app.ts";

export function startLesson(options: WebSocketServerOptions & { timing?: MockLlmOptions["timing"] } = {}) {
  const llm = options.llm ?? createMockLlm({ timing: options.timing ?? "instant" });
  return startLessonServer(createServer({ ...options, llm }));
}

export function connect(baseUrl: string, options: ClientOptions = {}) {
  return connectWebSocket<ServerMessage>(`${baseUrl.replace(/^http/, "ws")}/ws`, options);
}

type Of<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;
export const ofType = <T extends ServerMessage["type"]>(messages: ServerMessage[], type: T) =>
  messages.filter((m): m is Of<T> => m.type === type);

export const STEADY = steadyTiming(5);
