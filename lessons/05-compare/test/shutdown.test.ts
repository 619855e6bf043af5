// Lesson 05's server stops even while a WebSocket it forwards to a station is open and the
// far side never hangs up: upgraded sockets are invisible to closeAllConnections().
import { connect } from "node:net";
import { startLesson } from "@workshop/testkit";
import { expect, it } from "vitest";
import { STATION_PATHS } from "../src/matrix/stations.ts";
import { createServer } from "../src/server/app.ts";

it("stops within a second while a forwarded WebSocket's client never hangs up", async () => {
  const lesson = await startLesson(createServer({ settings: { isAllowedOrigin: () => true } }));
  await lesson.ready;
  // A client that upgrades, then neither reads nor answers the server's FIN (half-open).
  const { port } = new URL(lesson.url);
  const client = connect({ host: "127.0.0.1", port: Number(port), allowHalfOpen: true });
  const upgraded = new Promise<void>((resolve) =>
    client.once("data", (data) => data.toString().startsWith("HTTP/1.1 101") && resolve()),
  );
  client.write(
    [
      `GET ${STATION_PATHS.WebSocket}/ws HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      "Sec-WebSocket-Version: 13",
      "",
      "",
    ].join("\r\n"),
  );
  await upgraded;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    lesson.close().then(() => "stopped"),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve("still waiting for the socket"), 1000);
    }),
  ]);
  clearTimeout(timer);
  client.destroy();
  expect(outcome).toBe("stopped");
});
