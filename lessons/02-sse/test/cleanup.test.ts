import { steadyTiming } from "@workshop/mock-llm";
import { activeResources, connectSse, eventually, resourcesAddedSince } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

const SILENT = { firstTokenDelayMs: 60_000, tokenDelayMs: 0, jitterMs: 0 } as const;

describe("when an event-stream client goes away", () => {
  it("leaves no timer, listener or open stream behind after 20 connect/abort cycles", async () => {
    lesson = await startLesson({ timing: SILENT, heartbeatMs: 1000, clockMs: 1000 });
    const { jobs, openStreams, url } = lesson;
    const id = await lesson.startJob("why stream?");
    const before = activeResources();

    for (let i = 0; i < 20; i++) {
      for (const path of [`/api/jobs/${id}/events`, "/api/clock", "/api/notifications"]) {
        const stream = await connectSse(`${url}${path}`);
        await stream.waitFor((r) => r.retries.length > 0); // the stream is open
        stream.abort();
        await stream.ended;
      }
    }

    await eventually(() => openStreams.size === 0 && jobs.listenerCount() === 0);
    await eventually(() => !resourcesAddedSince(before).Timeout);
    expect(resourcesAddedSince(before)).toEqual({});
  });

  it("stops generating a job that nobody reconnects to within abandonAfterMs", async () => {
    lesson = await startLesson({
      // Armed when the job is created: long enough for the client to connect on a busy machine,
      // short against the reply (121 tokens, 2.4 s).
      timing: steadyTiming(20),
      abandonAfterMs: 500,
    });
    const id = await lesson.startJob("why stream?");
    const stream = await connectSse(`${lesson.url}/api/jobs/${id}/events`);
    await stream.waitFor((r) => r.events.length >= 3);
    stream.abort();
    await lesson.llm.idle();
    expect(lesson.jobs.get(id)?.stopReason).toBe("abandoned");
    expect(lesson.llm.tokensGenerated).toBeLessThan(lesson.llm.replyTokens("why stream?").length);
  });
});

describe("GET /api/clock", () => {
  it("sends the server time as a tick event every clockMs", async () => {
    lesson = await startLesson({ clockMs: 20 });
    const clock = await connectSse(`${lesson.url}/api/clock`);
    await clock.waitFor((r) => r.events.length >= 3);
    clock.abort();
    const times = clock.events.map((e) => Date.parse((JSON.parse(e.data) as { now: string }).now));
    expect(clock.events.every((e) => e.type === "tick")).toBe(true);
    expect(times).toEqual([...times].sort());
  });
});
