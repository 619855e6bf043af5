import { connect } from "node:net";
import { apiErrorOf, connectSse, eventually, postJson } from "@workshop/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

const presence = (r: { events: { type: string; data: string }[] }) =>
  r.events
    .filter((e) => e.type === "presence")
    .map((e) => (JSON.parse(e.data) as { connections: number }).connections);

describe("notifications fan out to every connected client", () => {
  it("delivers one broadcast to every listener and keeps a live connection count", async () => {
    lesson = await startLesson();
    const url = `${lesson.url}/api/notifications`;
    const alice = await connectSse(url);
    await alice.waitFor((r) => presence(r).at(-1) === 1);
    const bob = await connectSse(url);
    await alice.waitFor((r) => presence(r).at(-1) === 2);

    const response = await postJson(url, { text: "Class starts in 5 minutes" });
    expect(await response.json()).toEqual({ delivered: 2 });
    for (const client of [alice, bob]) {
      await client.waitFor((r) => r.events.some((e) => e.type === "notice"));
    }

    bob.abort();
    await alice.waitFor((r) => presence(r).at(-1) === 1); // removed on close
    alice.abort();
  });

  it("drops a client that stops reading instead of buffering for it without limit", async () => {
    lesson = await startLesson({ maxQueuedBytes: 256 * 1024 });
    const { notifications } = lesson;
    const url = new URL(lesson.url);

    // A client that connects and never reads: its socket buffers fill up.
    const stalled = connect(Number(url.port), url.hostname);
    stalled.write("GET /api/notifications HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n");
    stalled.pause();
    const healthy = await connectSse(`${lesson.url}/api/notifications`);
    await eventually(() => notifications.size === 2);

    const big = `data: ${"x".repeat(64 * 1024)}\n\n`;
    let sent = 0;
    while (notifications.dropped === 0 && sent < 400) {
      notifications.send(big); // bounded: at most 400 × 64 KiB on loopback
      sent++;
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect(notifications.dropped).toBe(1);
    await eventually(() => notifications.size === 1);
    await healthy.waitFor((r) => r.events.filter((e) => e.data.length > 1000).length === sent);
    healthy.abort();
    stalled.destroy();
  });

  it("refuses an empty or oversized notice with 400 JSON", async () => {
    lesson = await startLesson();
    for (const body of [{}, { text: "" }, { text: "x".repeat(501) }]) {
      expect(await apiErrorOf(await postJson(`${lesson.url}/api/notifications`, body))).toEqual({
        status: 400,
        code: "invalid_notice",
      });
    }
  });
});
