import { defineChecks, must, mustEventually, withEventSourceGlobal } from "@workshop/exercises";
import { eventually } from "@workshop/testkit";
import { EventSource } from "eventsource";
import { effectScope } from "vue";
import type * as Composable from "../../src/vue/use-event-source.ts";
import { withServer } from "../with-server.ts";

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
          must(false, `the server holds ${openStreams.size} streams after the composable ran, not 1`);
        }
        scope.stop(); // what Vue does when the component unmounts
        await mustEventually(
          () => openStreams.size === 0,
          1000,
          "after the scope ended, the stream is still open: close it in onScopeDispose",
        );
      }),
    ),
});
