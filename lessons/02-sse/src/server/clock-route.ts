// GET /api/clock: the classic first SSE demo, the server's time every second,
// with the step most tutorials forget: clear the interval when the client leaves.
import { encodeEvent } from "@workshop/protocol";
import type { Express } from "express";
import { type ClockData, EVENTS } from "../protocol.ts";
import { openEventStream } from "./event-stream.ts";
import type { StreamSettings } from "./open-streams.ts";

export function addClockRoute(app: Express, settings: StreamSettings & { clockMs: number }): void {
  // #region clock
  app.get("/api/clock", (req, res) => {
    settings.open.track(req, res); // 429 when this client has too many streams open
    const stream = openEventStream(res, { ...settings, heartbeatMs: 0 }); // ticks are traffic enough
    const tick = () => {
      const data: ClockData = { now: new Date().toISOString() };
      void stream.send(encodeEvent({ event: EVENTS.tick, data: JSON.stringify(data) }));
    };
    tick();
    const timer = setInterval(tick, settings.clockMs);
    // #region clock-cleanup
    res.on("close", () => {
      clearInterval(timer); // without this, every visit leaks a timer writing to a dead socket
    });
    // #endregion
  });
  // #endregion
}
