// For the checks: lesson 02's server from the code under check (the
// student's, or a scratch copy), on 127.0.0.1:0, closed however the check ends.
import type { LessonCode } from "@workshop/exercises";
import { createMockLlm, type MockLlmOptions } from "@workshop/mock-llm";
import { type LessonUnderTest, startLesson } from "@workshop/testkit";
import type * as App from "../src/server/app.ts";

type Lesson = Awaited<ReturnType<typeof App.createServer>> & LessonUnderTest;

export async function withServer(
  code: LessonCode,
  options: App.SseServerOptions & { timing?: MockLlmOptions["timing"] },
  use: (lesson: Lesson) => Promise<void>,
): Promise<void> {
  const { createServer } = await code.load<typeof App>("src/server/app.ts");
  const llm = createMockLlm({ timing: options.timing ?? "instant" });
  const lesson = await startLesson(createServer({ retryMs: 50, ...options, llm }));
  try {
    await use(lesson);
  } finally {
    await lesson.close();
  }
}
