import { defineChecks, must, within } from "@workshop/exercises";
import { connectSse } from "@workshop/testkit";
import { withProxies } from "../with-proxies.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a stream with heartbeats outlives the proxy's 1 s read timeout, while a quiet one is cut":
    "带心跳的流能撑过代理 1 s 的读超时，安静的流则会被切断",
};

export default defineChecks({
  "a stream with heartbeats outlives the proxy's 1 s read timeout, while a quiet one is cut": (code) =>
    withProxies(code, async (path) => {
      const quiet = await connectSse(`${path("idle-quiet")}/api/notifications`);
      const beating = await connectSse(`${path("idle-heartbeat")}/api/notifications`);
      await within(quiet.ended, 3000, {
        en: "the quiet stream was never cut: is proxy_read_timeout still 1s?",
        zh: "安静的流一直没被切断：proxy_read_timeout 还是 1s 吗？",
      });
      let cut = false;
      void beating.ended.then(() => {
        cut = true;
      });
      const heard = beating.comments.length;
      await within(
        beating.waitFor((r) => r.comments.length > heard + 1).catch(() => {}),
        2000,
        { en: "no heartbeat came through", zh: "一次心跳都没有穿过代理" },
      );
      must(!cut, {
        en: "the stream with heartbeats was cut too: beat more often than the timeout",
        zh: "带心跳的流也被切断了：心跳间隔要比超时更短",
      });
      beating.abort();
    }),
});
