import { defineChecks, must } from "@workshop/exercises";
import { eventually } from "@workshop/testkit";
import { EventSource } from "eventsource";
import { effectScope } from "vue";
import type * as Composable from "../../src/vue/use-event-source.ts";
import { withServer } from "../with-server.ts";

export default defineChecks({
  "the composable opens one stream, and the scope ending closes it": async (code) => {
    // Node 20 has no EventSource: the `eventsource` package follows the same spec. Every stream
    // it opens here is closed after, whatever the code under check did: one left open would
    // go on reconnecting to a server that is gone, in the process that runs the next check.
    const opened: EventSource[] = [];
    class Recorded extends EventSource {
      constructor(...args: ConstructorParameters<typeof EventSource>) {
        super(...args);
        opened.push(this);
      }
    }
    const before = Object.getOwnPropertyDescriptor(globalThis, "EventSource");
    Object.assign(globalThis, { EventSource: Recorded });
    try {
      await withServer(code, {}, async ({ url, openStreams }) => {
        const { useEventSource } = await code.load<typeof Composable>("src/vue/use-event-source.ts");
        const scope = effectScope();
        const state = scope.run(() => useEventSource(`${url}/api/notifications`, { notice: () => {} }));
        try {
          await eventually(() => openStreams.size === 1 && state?.value === "open", 2000);
        } catch {
          must(false, `the server holds ${openStreams.size} streams after the composable ran, not 1`);
        }
        scope.stop(); // what Vue does when the component unmounts
        await eventually(() => openStreams.size === 0, 1000).catch(() => {});
        must(
          openStreams.size === 0,
          "after the scope ended, the stream is still open: close it in onScopeDispose",
        );
      });
    } finally {
      for (const source of opened) source.close();
      if (before) Object.defineProperty(globalThis, "EventSource", before);
      else Reflect.deleteProperty(globalThis, "EventSource"); // leave Node as it was
    }
  },
});
