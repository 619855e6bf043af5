import { defineChecks, must, within } from "@workshop/exercises";
import { connectSse } from "@workshop/testkit";
import { withProxies } from "../with-proxies.ts";

export default defineChecks({
  "a stream with heartbeats outlives the proxy's 1 s read timeout, while a quiet one is cut": (code) =>
    withProxies(code, async (path) => {
      const quiet = await connectSse(`${path("idle-quiet")}/api/notifications`);
      const beating = await connectSse(`${path("idle-heartbeat")}/api/notifications`);
      await within(quiet.ended, 3000, "the quiet stream was never cut: is proxy_read_timeout still 1s?");
      let cut = false;
      void beating.ended.then(() => {
        cut = true;
      });
      const heard = beating.comments.length;
      await within(
        beating.waitFor((r) => r.comments.length > heard + 1).catch(() => {}),
        2000,
        "no heartbeat came through",
      );
      must(!cut, "the stream with heartbeats was cut too: beat more often than the timeout");
      beating.abort();
    }),
});
