import { defineChecks, must, waitUntil, within } from "@workshop/exercises";
import { activeResources, connectSse, resourcesAddedSince } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the clock still ticks once every clockMs": "时钟仍然每 clockMs 发一个 tick",
  "closing the page stops its timer: 10 visits leave no interval running":
    "关闭页面就停掉它的定时器：访问 10 次之后，没有一个定时器还在跑",
};

export default defineChecks({
  "the clock still ticks once every clockMs": (code) =>
    withServer(code, { clockMs: 10 }, async ({ url }) => {
      const clock = await connectSse(`${url}/api/clock`);
      await within(
        clock.waitFor((r) => r.events.length >= 3),
        3000,
        { en: "/api/clock sent fewer than 3 ticks in 3 s", zh: "/api/clock 在 3 s 内发出的 tick 不到 3 个" },
      );
      clock.abort();
      must(
        clock.events.every((e) => e.type === "tick"),
        { en: "every event on /api/clock should be a `tick`", zh: "/api/clock 上的每个事件都应该是 `tick`" },
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
      must(leaked === 0, {
        en: `after 10 visits to /api/clock, ${leaked} interval(s) are still ticking: clear the interval when the response closes`,
        zh: `访问 /api/clock 10 次之后，还有 ${leaked} 个定时器在跑：响应关闭时要清掉定时器`,
      });
    }),
});
