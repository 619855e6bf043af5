import { defineChecks, must, waitUntil, within } from "@workshop/exercises";
import { activeResources, connectSse, resourcesAddedSince } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

export default defineChecks({
  "the clock still ticks once every clockMs": (code) =>
    withServer(code, { clockMs: 10 }, async ({ url }) => {
      const clock = await connectSse(`${url}/api/clock`);
      await within(
        clock.waitFor((r) => r.events.length >= 3),
        3000,
        "/api/clock sent fewer than 3 ticks in 3 s",
      );
      clock.abort();
      must(
        clock.events.every((e) => e.type === "tick"),
        "every event on /api/clock should be a `tick`",
      );
    }),

  "closing the page stops its timer: 10 visits leave no interval running": (code) =>
    withServer(code, { clockMs: 10 }, async ({ url }) => {
      const before = activeResources();
      for (let visit = 0; visit < 10; visit++) {
        const clock = await connectSse(`${url}/api/clock`);
        await clock.waitFor((r) => r.events.length >= 1);
        clock.abort();
        await clock.ended;
      }
      await waitUntil(() => !resourcesAddedSince(before).Timeout, 3000);
      const leaked = resourcesAddedSince(before).Timeout ?? 0;
      must(
        leaked === 0,
        `after 10 visits to /api/clock, ${leaked} interval(s) are still ticking: clear the interval when the response closes`,
      );
    }),
});
