import { defineChecks, must, within } from "@workshop/exercises";
import { connectSse } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

const CLOCK_MS = 1000;

/** The ids of the ticks a connection receives at once (missed ones included). */
async function firstTicks(url: string, count: number, lastEventId?: string): Promise<string[]> {
  const headers: Record<string, string> = lastEventId ? { "Last-Event-ID": lastEventId } : {};
  const clock = await connectSse(`${url}/api/clock`, { headers });
  try {
    await within(
      clock.waitFor((r) => r.events.length >= count),
      3 * CLOCK_MS,
      `/api/clock sent ${clock.events.length} tick(s) at once, expected ${count}: did it send the ones the client missed?`,
    );
  } finally {
    clock.abort();
  }
  return clock.events.map((e) => e.lastEventId);
}

export default defineChecks({
  "every tick carries an id, the tick's number": (code) =>
    withServer(code, { clockMs: CLOCK_MS }, async ({ url }) => {
      const [id = ""] = await firstTicks(url, 1);
      must(/^\d+$/.test(id), `a tick arrived with id "${id}": give each tick a numeric \`id\``);
    }),

  "a reconnect with Last-Event-ID gets the ticks it missed, in order, before the live ones": (code) =>
    withServer(code, { clockMs: CLOCK_MS }, async ({ url }) => {
      const [id = ""] = await firstTicks(url, 1);
      must(/^\d+$/.test(id), "ticks need numeric ids first");
      const ids = (await firstTicks(url, 5, String(Number(id) - 5))).map(Number);
      const first = Number(id) - 4;
      must(
        ids[0] === first,
        `after Last-Event-ID: ${Number(id) - 5} the first tick was ${ids[0]}, not ${first}`,
      );
      must(
        ids.every((n, i) => n === first + i),
        `the missed ticks should arrive in order, none skipped or twice: got ${ids.join(", ")}`,
      );
    }),

  "a client back after a long time gets at most 60 missed ticks": (code) =>
    withServer(code, { clockMs: CLOCK_MS }, async ({ url }) => {
      const [id = ""] = await firstTicks(url, 1);
      must(/^\d+$/.test(id), "ticks need numeric ids first");
      const ids = (await firstTicks(url, 60, String(Number(id) - 100_000))).map(Number);
      must(
        (ids[0] ?? 0) >= Number(id) - 60,
        `a client 100,000 ticks behind got ticks from ${ids[0]}: cap the replay at 60`,
      );
    }),
});
