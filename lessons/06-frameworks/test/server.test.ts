// Lesson 06's server is lessons 04 and 02, imported: what it adds is `running` in /api/health.
import { connectSse, eventually, getJson } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { echoWords, FAST, running, startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

describe("lesson 06's server", () => {
  it("reports the generations in progress in GET /api/health", async () => {
    lesson = await startLesson();
    expect(await getJson(`${lesson.url}/api/health`)).toEqual({
      ok: true,
      lesson: "06-frameworks",
      running: 0,
    });
  });

  it("counts a chat while it streams, and stops it when the client hangs up", async () => {
    lesson = await startLesson({ timing: FAST });
    const chat = await connectSse(`${lesson.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: echoWords(1000) }] }),
    });
    await chat.waitFor((r) => r.events.length >= 3);
    expect(await running(lesson.url)).toBe(1);
    chat.abort();
    await lesson.llm.idle(); // the model stopped…
    expect(lesson.llm.tokensGenerated).toBeLessThan(2000); // …before the end of its answer
    expect(await running(lesson.url)).toBe(0);
  });

  it("serves lesson 02's notification stream, and forgets a page that leaves", async () => {
    lesson = await startLesson();
    const stream = await connectSse(`${lesson.url}/api/notifications`);
    await eventually(() => lesson?.openStreams.size === 1);
    stream.abort();
    await eventually(() => lesson?.openStreams.size === 0);
  });
});
