// The WebSocket cell of the "answered … for 300 ms" rows depends on the backoff's random
// delays: six short ones in a row would put every attempt inside the outage. The matrix
// seeds its jitter, so the cell is the same on every run; this keeps the seed a good one.
import { backoffDelay, DEFAULT_BACKOFF } from "@workshop/03-websocket/client/backoff.ts";
import { expect, it } from "vitest";
import { WEBSOCKET_BACKOFF, WEBSOCKET_MAX_ATTEMPTS, webSocketJitter } from "../src/matrix/runs/websocket.ts";
import { OUTAGE_MS } from "../src/matrix/scenarios.ts";

const delays = () => {
  const random = webSocketJitter();
  const backoff = { ...DEFAULT_BACKOFF, ...WEBSOCKET_BACKOFF };
  return Array.from({ length: WEBSOCKET_MAX_ATTEMPTS }, (_, attempt) =>
    backoffDelay(attempt, backoff, random),
  );
};

it("the matrix's WebSocket client waits the same delays on every run", () => {
  expect(delays()).toEqual(delays());
});

it("its attempts after the first failed one span more than twice the outage, so the last one always reaches the server", () => {
  // The outage starts at the first reconnect it answers; attempts 2…6 wait delays[1…5] at
  // least. A slower machine only adds time between them, so the last attempt comes later still.
  const waited = delays()
    .slice(1)
    .reduce((sum, ms) => sum + ms, 0);
  expect(waited).toBeGreaterThan(2 * OUTAGE_MS);
});
