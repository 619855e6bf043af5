// Issue 12: presence must cost O(n) writes for n connections, not O(n²).
// Proven by counting writes, not with a stopwatch.
import { connectSse, type SseRecording } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

const lastPresence = (r: SseRecording) =>
  r.events
    .filter((e) => e.type === "presence")
    .map((e) => (JSON.parse(e.data) as { connections: number }).connections)
    .at(-1);

describe("presence fan-out", () => {
  it("costs one write per arriving page while pages arrive, not one per page already there", async () => {
    // An interval longer than the test: only the arrivals' own writes happen.
    lesson = await startLesson({ presenceIntervalMs: 600_000, maxStreamsPerClient: 1000 });
    const { notifications } = lesson;
    const n = 150;
    const pages: SseRecording[] = [];
    for (let i = 0; i < n; i++) pages.push(await connectSse(`${lesson.url}/api/notifications`));
    await Promise.all(pages.map((page, i) => page.waitFor((r) => lastPresence(r) === i + 1)));
    // Broadcasting on every arrival would have cost n(n+1)/2 = 11,325 writes.
    expect(notifications.writes).toBe(n);
    for (const page of pages) page.abort();
  });

  it("still tells every page the latest count, arrivals and departures alike, within an interval", async () => {
    lesson = await startLesson({ presenceIntervalMs: 20, maxStreamsPerClient: 1000 });
    const pages = await Promise.all(
      Array.from({ length: 30 }, () => connectSse(`${lesson?.url}/api/notifications`)),
    );
    await Promise.all(pages.map((page) => page.waitFor((r) => lastPresence(r) === 30)));
    pages.pop()?.abort();
    await Promise.all(pages.map((page) => page.waitFor((r) => lastPresence(r) === 29)));
    for (const page of pages) page.abort();
  });
});
