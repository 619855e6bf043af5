// The doctor on WebSockets: lesson 03's server, which checks Origin and pings, and
// a careless server that accepts any Origin and never answers a ping.
import { createServer } from "@workshop/03-websocket/server/app.ts";
import { createMockLlm } from "@workshop/mock-llm";
import { startLesson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCarelessWebSocket } from "./fixtures.ts";
import { runDoctor } from "./run-doctor.ts";

const PAGE = "http://127.0.0.1:5103"; // the one page this lesson server lets in
let lesson: Awaited<ReturnType<typeof startLesson<ReturnType<typeof createServer>>>>;
let careless: Awaited<ReturnType<typeof startCarelessWebSocket>>;
beforeAll(async () => {
  [lesson, careless] = await Promise.all([
    // Heartbeats (a ping and a message) every 500 ms. The server terminates a peer whose pong
    // has not been read by the next ping: at 20 ms, a busy machine's pause cut the doctor's
    // healthy socket ("cut after 25 ms of silence"); now only a pause of half a second could.
    startLesson(
      createServer({
        llm: createMockLlm({ timing: "instant" }),
        heartbeatMs: 500,
        isAllowedOrigin: (origin) => origin === PAGE,
      }),
    ),
    startCarelessWebSocket(),
  ]);
});
afterAll(async () => {
  await Promise.all([lesson?.close(), careless?.close()]);
});

const socketOf = (url: string) => `${url.replace(/^http/, "ws")}/ws`;

describe("lesson 03, a WebSocket that checks Origin", () => {
  it("refuses a socket from a foreign Origin, answers our ping and keeps beating", async () => {
    const watchMs = 3000; // six heartbeats: "keeps speaking" needs one in the second half
    const run = await runDoctor(socketOf(lesson.url), { origin: PAGE, watchMs, idleTimeoutMs: 2 * watchMs });
    expect(run.diagnosis.checks.map((c) => c.id)).toEqual(["status", "origin", "ping", "heartbeat"]);
    expect(run.check("status")).toMatchObject({
      status: "pass",
      summary: `101 Switching Protocols (Origin: ${PAGE})`,
    });
    expect(run.check("origin")).toMatchObject({
      status: "pass",
      summary: "a socket from https://stream-doctor.invalid is refused (403)",
    });
    expect(run.check("ping")).toMatchObject({ status: "pass" });
    expect(run.check("heartbeat")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/^keeps speaking/),
    });
  });

  it("fails status when the page's own Origin is not allowed, and says to give it with --origin", async () => {
    const run = await runDoctor(socketOf(lesson.url), { origin: "http://127.0.0.1:1", watchMs: 300 });
    expect(run.check("status")).toMatchObject({
      status: "fail",
      summary: "the upgrade was answered 403, not 101 (Origin: http://127.0.0.1:1)",
    });
    expect(run.check("ping")).toMatchObject({ status: "skip" });
  });
});

describe("a WebSocket with none of lesson 03's care", () => {
  it("fails origin, ping and heartbeat: it accepts any site, never answers a ping and never speaks", async () => {
    const watchMs = 400;
    const run = await runDoctor(careless.url, { watchMs, idleTimeoutMs: watchMs / 2 });
    expect(run.check("status")).toMatchObject({
      status: "pass",
      summary: "101 Switching Protocols (no Origin sent)",
    });
    expect(run.check("origin")).toMatchObject({
      status: "fail",
      hint: expect.stringMatching(/^lesson 03: check Origin/),
    });
    expect(run.check("ping")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/^no pong to our ping/),
    });
    expect(run.check("heartbeat")).toMatchObject({ status: "fail" });
  });
});
