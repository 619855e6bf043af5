// Lesson 05's server stops even while a WebSocket it forwards to a station is open and the
// far side never hangs up: upgraded sockets are invisible to closeAllConnections().
import { openHalfOpenWebSocket, settlesWithin, startLesson } from "@workshop/testkit";
import { expect, it } from "vitest";
import { STATION_PATHS } from "../src/matrix/stations.ts";
import { createServer } from "../src/server/app.ts";

it("stops while a forwarded WebSocket's client never hangs up", async () => {
  const lesson = await startLesson(createServer({ settings: { isAllowedOrigin: () => true } }));
  await lesson.ready;
  const port = Number(new URL(lesson.url).port);
  const client = await openHalfOpenWebSocket(port, `${STATION_PATHS.WebSocket}/ws`);
  const stopping = lesson.close();
  const stopped = await settlesWithin(stopping, 10_000); // the bug waits for ever; 10 s is a guard
  client.destroy();
  await stopping;
  expect(stopped, "still waiting for the half-open socket").toBe(true);
});
