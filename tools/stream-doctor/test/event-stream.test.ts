// The doctor on GET event streams: lesson 02's own endpoints (its job events are the
// model of a healthy stream, its tutorial route the known trap), and fixtures for the
// faults no lesson serves. Judged by what happened: which events came back, in how
// many reads, what a reconnect got; never by how long anything took.
import { createServer } from "@workshop/02-sse/server/app.ts";
import { startLesson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixtures, pacedLlm, startFixtures } from "./fixtures.ts";
import { runDoctor } from "./run-doctor.ts";

let lesson: Awaited<ReturnType<typeof startLesson<ReturnType<typeof createServer>>>>;
let fixtures: Fixtures;
// Each token after the first is made once the doctor has read again: a reply streams over
// many reads, and a job cannot finish before the doctor connects, however slow the machine.
const paced = pacedLlm();
const reading = { onRead: () => paced.release() };
beforeAll(async () => {
  [lesson, fixtures] = await Promise.all([
    startLesson(
      createServer({
        llm: paced.llm,
        retryMs: 50,
        heartbeatMs: 20, // many heartbeats within any watch
        presenceIntervalMs: 5,
      }),
    ),
    startFixtures(),
  ]);
});
afterAll(async () => {
  await Promise.all([lesson?.close(), fixtures?.close()]);
});

describe("lesson 02, the model of a healthy event stream", () => {
  it("finds nothing wrong with a job's events: it streams, resumes exactly from the middle and ends with 204", async () => {
    const id = await lesson.startJob("echo: 流式输出让回答一个词一个词地出现，而不是等到最后。"); // multi-byte characters
    const run = await runDoctor(`${lesson.url}/api/jobs/${id}/events`, reading);
    expect(run.check("status")).toMatchObject({ status: "pass", summary: "200 OK" });
    expect(run.check("content-type")).toMatchObject({ status: "pass" });
    expect(run.check("compression")).toMatchObject({ status: "pass" });
    expect(run.check("cache")).toMatchObject({ status: "pass" });
    expect(run.check("delivery")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/^streamed/),
    });
    expect(run.check("framing")).toMatchObject({
      status: "pass",
      summary: expect.stringContaining("done ×1"),
    });
    expect(run.check("resume")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/^continues exactly/),
    });
    expect(run.check("end")).toMatchObject({ status: "pass", summary: expect.stringContaining("gets 204") });
    expect(run.check("heartbeat")).toMatchObject({ status: "pass" });
    expect(run.check("utf8")).toMatchObject({ status: "pass" });
    expect(run.diagnosis.checks.every((c) => c.status === "pass")).toBe(true);
  });

  it("keeps hearing the notifications stream's heartbeats, and leaves its end unjudged while it stays open", async () => {
    // Heartbeats every 20 ms, watched for 100 of them. "Keeps speaking" needs one in the second
    // half of the watch: only a stall of a whole second in this busy process could hide them all
    // (a 400 ms watch met a 235 ms stall with five test files sharing two busy cores).
    const watchMs = 2000;
    const run = await runDoctor(`${lesson.url}/api/notifications`, { watchMs, idleTimeoutMs: 2 * watchMs });
    expect(run.check("heartbeat")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/^keeps speaking/),
    });
    expect(run.check("end")).toMatchObject({ status: "skip" });
  });
});

describe("lesson 02's tutorial route: [DONE], then the response ends", () => {
  it("fails end and resume: EventSource reopens it, and with no ids the reply starts over", async () => {
    const run = await runDoctor(
      `${lesson.url}/api/tutorial/stream?prompt=${encodeURIComponent("echo: one two three four five six seven eight nine ten")}`,
      reading,
    );
    expect(run.check("end")).toMatchObject({
      status: "fail",
      summary: expect.stringContaining("the stream starts over"),
      hint: expect.stringMatching(/^lesson 02: .*204/),
    });
    expect(run.check("resume")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/^\d+ events, none with an id/),
    });
    expect(run.check("status")).toMatchObject({ status: "pass" }); // the trap is not in the headers
    expect(run.check("delivery")).toMatchObject({ status: "pass" });
  });
});

// A fixture answers at once; the doctor stops reading when its watch ends. Its first events must
// be read before then, also when this process pauses (235 ms was seen with five test files on two
// busy cores): a second leaves room for a pause four times that long.
const FIXTURE_WATCH_MS = 1000;

describe("faults no lesson serves", () => {
  it("fails resume for a reply without ids, which can only start over", async () => {
    const run = await runDoctor(`${fixtures.url}/no-ids`);
    expect(run.check("resume")).toMatchObject({
      status: "fail",
      hint: expect.stringMatching(/^lesson 02: give each event an id/),
    });
  });

  it("fails resume when Last-Event-ID is ignored: the reconnect starts over from the first event", async () => {
    const run = await runDoctor(`${fixtures.url}/ignores-last-event-id`, { watchMs: FIXTURE_WATCH_MS });
    expect(run.check("resume")).toMatchObject({
      status: "fail",
      summary: "Last-Event-ID: 3 ignored: the reconnect started over from the first event (id 1)",
    });
    expect(fixtures.seen.get("/ignores-last-event-id")?.headers["last-event-id"]).toBe("3");
  });

  it("fails content-type for a stream sent as text/plain, which EventSource refuses", async () => {
    const run = await runDoctor(`${fixtures.url}/wrong-content-type`, { watchMs: FIXTURE_WATCH_MS });
    expect(run.check("content-type")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/^text\/plain/),
    });
  });

  it("warns on cache when a stream says nothing about caching or transforming", async () => {
    const run = await runDoctor(`${fixtures.url}/no-cache-headers`, { watchMs: FIXTURE_WATCH_MS });
    expect(run.check("cache")).toMatchObject({
      status: "warn",
      summary: "(none): no no-cache, no-transform",
    });
  });

  it("fails framing when the last event has no blank line after it", async () => {
    const run = await runDoctor(`${fixtures.url}/unterminated`);
    expect(run.check("framing")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/never dispatches it/),
    });
  });

  it("fails delivery for a reply that arrives in one read, at the end", async () => {
    const run = await runDoctor(`${fixtures.url}/all-at-once`);
    expect(run.check("delivery")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/^held back: 6 events arrived in 1 read, all at the end/),
    });
  });

  it("warns on compression for gzip by itself, even when each event is flushed", async () => {
    const run = await runDoctor(`${fixtures.url}/gzip-flushed`, { watchMs: FIXTURE_WATCH_MS });
    expect(run.check("compression")).toMatchObject({
      status: "warn",
      summary: expect.stringMatching(/^Content-Encoding: gzip/),
    });
    expect(run.check("framing")).toMatchObject({ status: "pass" }); // decompressed and parsed
  });

  it("fails heartbeat for a stream silent as long as the idle timeout, and only warns when the watch is shorter", async () => {
    const watchMs = 400;
    // Silent from its first read to the end of the watch: at least watchMs by the doctor's own clock.
    const cut = await runDoctor(`${fixtures.url}/silent`, { watchMs, idleTimeoutMs: watchMs / 2 });
    expect(cut.check("heartbeat")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/still silent when the watch ended/),
    });
    // Watched for less than the timeout: it cannot know, and says so.
    const unsure = await runDoctor(`${fixtures.url}/silent`, { watchMs, idleTimeoutMs: 2 * watchMs });
    expect(unsure.check("heartbeat")).toMatchObject({
      status: "warn",
      summary: expect.stringMatching(/^silent for the last/),
    });
  });

  it("reports a multi-byte character split across reads, and fails bytes that are not UTF-8", async () => {
    const split = await runDoctor(`${fixtures.url}/split-utf8`, { onRead: () => fixtures.release() });
    expect(split.check("utf8")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/^1 read ended inside a multi-byte character/),
    });
    const latin1 = await runDoctor(`${fixtures.url}/not-utf8`);
    expect(latin1.check("utf8")).toMatchObject({ status: "fail" });
  });

  it("fails status for a 404, and skips every other check", async () => {
    const run = await runDoctor(`${fixtures.url}/nowhere`);
    expect(run.check("status")).toMatchObject({ status: "fail", summary: "404 Not Found" });
    expect(run.diagnosis.checks.filter((c) => c.id !== "status").map((c) => c.status)).toEqual(
      Array(9).fill("skip"),
    );
  });
});
