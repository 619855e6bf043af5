// Issue 11: event streams are bounded per client, and the debug route that
// cuts every stream can only be called by the lesson's own page.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import {
  apiErrorOf,
  connectSse,
  describeInBrowser,
  type RunningPage,
  startPage,
  startServer,
} from "@workshop/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLesson } from "./start.ts";

describe("event streams per client", () => {
  let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
  afterEach(async () => {
    await lesson?.close();
    lesson = undefined;
  });

  it("answers 429 JSON, before any event-stream headers, to a client over maxStreamsPerClient, and frees the slot on close", async () => {
    lesson = await startLesson({ maxStreamsPerClient: 2 });
    const url = lesson.url;
    const first = await connectSse(`${url}/api/clock`);
    const second = await connectSse(`${url}/api/notifications`);
    const refused = await fetch(`${url}/api/clock`);
    expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await apiErrorOf(refused)).toEqual({ status: 429, code: "too_many_streams" });
    first.abort();
    const openStreams = lesson.openStreams;
    await expect.poll(() => openStreams.size).toBe(1);
    const third = await connectSse(`${url}/api/clock`);
    expect(third.response.status).toBe(200);
    second.abort();
    third.abort();
  });
});

describe("POST /api/debug/drop from another origin", () => {
  let lesson: Awaited<ReturnType<typeof startLesson>>;
  let attacker: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    lesson = await startLesson();
    // Another page on the same machine, e.g. a different dev server's.
    attacker = await startServer(
      createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<p>hi</p>")),
    );
  });
  afterAll(async () => {
    await attacker?.close();
    await lesson?.close();
  });

  it("is refused without the X-Workshop-Debug header, so a plain form or no-cors POST cannot cut streams", async () => {
    const victim = await connectSse(`${lesson.url}/api/notifications`);
    const refused = await fetch(`${lesson.url}/api/debug/drop`, { method: "POST" });
    expect(await apiErrorOf(refused)).toEqual({ status: 403, code: "debug_header_required" });
    expect(lesson.openStreams.size).toBe(1);
    victim.abort();
  });

  describeInBrowser("in Chromium", (browser) => {
    it("a page on another origin can neither POST it no-cors nor get its header past the preflight", async () => {
      const victim = await connectSse(`${lesson.url}/api/notifications`);
      const page = await browser().newPage();
      await page.goto(attacker.url);
      const outcome = await page.evaluate(async (api) => {
        const simple = await fetch(`${api}/api/debug/drop`, { method: "POST", mode: "no-cors" }).then(
          (r) => r.type,
          () => "failed",
        );
        const withHeader = await fetch(`${api}/api/debug/drop`, {
          method: "POST",
          headers: { "X-Workshop-Debug": "1" },
        }).then(
          () => "sent",
          () => "blocked by the preflight",
        );
        return { simple, withHeader };
      }, lesson.url);
      await page.close();
      expect(outcome).toEqual({ simple: "opaque", withHeader: "blocked by the preflight" });
      expect(lesson.openStreams.size).toBe(1); // the victim's stream is still open
      victim.abort();
    });
  });
});

describe("the page's dev server", () => {
  let lesson: Awaited<ReturnType<typeof startLesson>>;
  let site: RunningPage;
  beforeAll(async () => {
    lesson = await startLesson();
    site = await startPage(fileURLToPath(new URL("..", import.meta.url)), lesson.url);
  });
  afterAll(async () => {
    await site?.close();
    await lesson?.close();
  });

  it("answers no CORS to another localhost page, so it cannot read /api/* through the proxy", async () => {
    const response = await fetch(`${site.url}api/health`, { headers: { Origin: "http://localhost:9999" } });
    expect(response.status).toBe(200); // same-origin use still works
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
