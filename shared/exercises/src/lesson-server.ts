// For checks: a lesson's server built from the code under check (the
// student's folder, or a scratch copy), on 127.0.0.1:0 with a mock LLM at the
// speed the check asks for, and closed however the check ends.
import type { Server } from "node:http";
import { createMockLlm, type MockLlm, type MockLlmOptions } from "@workshop/mock-llm";
import { type LessonUnderTest, startLesson } from "@workshop/testkit";
import type { LessonCode } from "./checks.ts";

interface LessonApp {
  // biome-ignore lint/suspicious/noExplicitAny: each lesson's createServer takes its own options
  createServer(options: any): { server: Server; shutdown(): Promise<void> };
}

type Options<App extends LessonApp> = Omit<NonNullable<Parameters<App["createServer"]>[0]>, "llm"> & {
  timing?: MockLlmOptions["timing"];
};

export async function withLessonServer<App extends LessonApp>(
  code: LessonCode,
  { timing = "instant", ...options }: Options<App>,
  use: (lesson: ReturnType<App["createServer"]> & LessonUnderTest & { llm: MockLlm }) => Promise<void>,
): Promise<void> {
  const { createServer } = await code.load<App>("src/server/app.ts");
  const llm = createMockLlm({ timing });
  const lesson = await startLesson(createServer({ ...options, llm }));
  try {
    await use(lesson as ReturnType<App["createServer"]> & LessonUnderTest & { llm: MockLlm });
  } finally {
    await lesson.close();
  }
}

/** A model that takes a minute to say anything: a stream that is open, with no token yet. */
export const SILENT = { firstTokenDelayMs: 60_000, tokenDelayMs: 0, jitterMs: 0 } as const;
