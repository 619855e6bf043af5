// For the checks: lesson 01's server from the code under check (the
// student's, or a scratch copy), on 127.0.0.1:0, closed however the check ends.
import type { LessonCode } from "@workshop/exercises";
import { createMockLlm, type MockLlmOptions } from "@workshop/mock-llm";
import { type LessonUnderTest, startLesson } from "@workshop/testkit";
import type * as App from "../src/server/app.ts";

type Lesson = ReturnType<typeof App.createServer> & LessonUnderTest;

export async function withServer(
  code: LessonCode,
  options: App.PollingServerOptions & { timing?: MockLlmOptions["timing"] },
  use: (lesson: Lesson) => Promise<void>,
): Promise<void> {
  const { createServer } = await code.load<typeof App>("src/server/app.ts");
  const llm = createMockLlm({ timing: options.timing ?? "instant" });
  const lesson = await startLesson(createServer({ ...options, llm }));
  try {
    await use(lesson);
  } finally {
    await lesson.close();
  }
}

/** A model that takes a minute to say anything. */
export const SILENT = { firstTokenDelayMs: 60_000, tokenDelayMs: 0, jitterMs: 0 } as const;
