import { defineChecks, must, mustEventually, withEventSourceGlobal } from "@workshop/exercises";
import { eventually } from "@workshop/testkit";
import { EventSource } from "eventsource";
import { effectScope } from "vue";
import type * as Composable from "../../src/vue/use-event-source.ts";
import { withServer } from "../with-server.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the composable opens one stream, and the scope ending closes it":
    "composable 打开一条流，scope 结束时把它关掉",
};

export default defineChecks({
  // Node 20 has no EventSource: the `eventsource` package follows the same spec. Whatever the
  // code under check leaves open is closed after (withEventSourceGlobal).
  "the composable opens one stream, and the scope ending closes it": (code) =>
    withEventSourceGlobal(EventSource, () =>
      withServer(code, {}, async ({ url, openStreams }) => {
        const { useEventSource } = await code.load<typeof Composable>("src/vue/use-event-source.ts");
        const scope = effectScope();
        const state = scope.run(() => useEventSource(`${url}/api/notifications`, { notice: () => {} }));
        try {
          await eventually(() => openStreams.size === 1 && state?.value === "open", 2000);
        } catch {
          must(false, {
            en: `the server holds ${openStreams.size} streams after the composable ran, not 1`,
            zh: `composable 运行之后，服务端持有 ${openStreams.size} 条流，不是 1 条`,
          });
        }
        scope.stop(); // what Vue does when the component unmounts
        await mustEventually(() => openStreams.size === 0, 1000, {
          en: "after the scope ended, the stream is still open: close it in onScopeDispose",
          zh: "scope 结束之后，流还开着：在 onScopeDispose 里关掉它",
        });
      }),
    ),
});
