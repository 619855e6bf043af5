// GET /api/clock: the classic first SSE demo, the server's time every second,
// with the step most tutorials forget: clear the interval when the client leaves.
import { encodeEvent } from "@workshop/protocol";
import { openEventStream } from "@workshop/server-kit";
import type { Express } from "express";
import { type ClockData, EVENTS } from "../protocol.ts";
import type { StreamSettings } from "./job-events-route.ts";

export function addClockRoute(app: Express, settings: StreamSettings & { clockMs: number }): void {
  // #region clock
  app.get("/api/clock", (_req, res) => {
    const stream = openEventStream(res, { ...settings, heartbeatMs: 0 }); // ticks are traffic enough
    settings.open.add(res);
    const tick = () => {
      const data: ClockData = { now: new Date().toISOString() };
      void stream.send(encodeEvent({ event: EVENTS.tick, data: JSON.stringify(data) }));
    };
    tick();
    const timer = setInterval(tick, settings.clockMs);
    res.on("close", () => {
      clearInterval(timer); // without this, every visit leaks a timer writing to a dead socket
      settings.open.delete(res);
    });
  });
  // #endregion
}
