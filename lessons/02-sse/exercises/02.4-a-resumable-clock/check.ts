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
      {
        en: `/api/clock sent ${clock.events.length} tick(s) at once, expected ${count}: did it send the ones the client missed?`,
        zh: `/api/clock 一开始就发出的 tick 有 ${clock.events.length} 个，应该是 ${count} 个：客户端错过的那些补发了吗？`,
      },
    );
  } finally {
    clock.abort();
  }
  return clock.events.map((e) => e.lastEventId);
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "every tick carries an id, the tick's number": "每个 tick 都带一个 id，就是 tick 的编号",
  "a reconnect with Last-Event-ID gets the ticks it missed, in order, before the live ones":
    "带着 Last-Event-ID 重连，先按顺序收到错过的 tick，再收到实时的",
  "a client back after a long time gets at most 60 missed ticks":
    "离开很久才回来的客户端最多补收 60 个错过的 tick",
};

export default defineChecks({
  "every tick carries an id, the tick's number": (code) =>
    withServer(code, { clockMs: CLOCK_MS }, async ({ url }) => {
      const [id = ""] = await firstTicks(url, 1);
      must(/^\d+$/.test(id), {
        en: `a tick arrived with id "${id}": give each tick a numeric \`id\``,
        zh: `收到的 tick 的 id 是 "${id}"：要给每个 tick 一个数字 \`id\``,
      });
    }),

  "a reconnect with Last-Event-ID gets the ticks it missed, in order, before the live ones": (code) =>
    withServer(code, { clockMs: CLOCK_MS }, async ({ url }) => {
      const [id = ""] = await firstTicks(url, 1);
      must(/^\d+$/.test(id), { en: "ticks need numeric ids first", zh: "tick 得先有数字 id" });
      const ids = (await firstTicks(url, 5, String(Number(id) - 5))).map(Number);
      const first = Number(id) - 4;
      must(ids[0] === first, {
        en: `after Last-Event-ID: ${Number(id) - 5} the first tick was ${ids[0]}, not ${first}`,
        zh: `带着 Last-Event-ID: ${Number(id) - 5} 重连后，第一个 tick 是 ${ids[0]}，不是 ${first}`,
      });
      must(
        ids.every((n, i) => n === first + i),
        {
          en: `the missed ticks should arrive in order, none skipped or twice: got ${ids.join(", ")}`,
          zh: `错过的 tick 应该按顺序到达，不跳过也不重复：收到的是 ${ids.join(", ")}`,
        },
      );
    }),

  "a client back after a long time gets at most 60 missed ticks": (code) =>
    withServer(code, { clockMs: CLOCK_MS }, async ({ url }) => {
      const [id = ""] = await firstTicks(url, 1);
      must(/^\d+$/.test(id), { en: "ticks need numeric ids first", zh: "tick 得先有数字 id" });
      const ids = (await firstTicks(url, 60, String(Number(id) - 100_000))).map(Number);
      must((ids[0] ?? 0) >= Number(id) - 60, {
        en: `a client 100,000 ticks behind got ticks from ${ids[0]}: cap the replay at 60`,
        zh: `落后 100,000 个 tick 的客户端从 ${ids[0]} 开始收到 tick：补发最多 60 个`,
      });
    }),
});
