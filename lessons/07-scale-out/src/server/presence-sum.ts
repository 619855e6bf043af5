// "N pages are listening" when the pages are spread over instances. Each
// instance writes its own count to a key that expires unless renewed, so a
// killed instance's pages stop counting within a few intervals; the count a
// page sees is the sum. Lesson 02's presence still decides when to announce.
import type { Redis } from "./redis.ts";

const INSTANCES = "presence:instances";
const countKey = (instance: string) => `presence:${instance}`;

export interface PresenceSum {
  /** Every instance's listeners, with this one's counted live. */
  total(): number;
  /** Stops renewing, and takes this instance's pages out of the sum at once. */
  stop(): Promise<void>;
}

export function sumPresence({
  redis,
  instance,
  local,
  intervalMs,
  changed,
}: {
  redis: Redis;
  instance: string;
  /** This instance's listeners right now. */
  local: () => number;
  intervalMs: number;
  /** Called when another instance's count changed the total. */
  changed: () => void;
}): PresenceSum {
  let others = 0;
  // #region presence-sum
  const tick = async () => {
    await redis
      .multi()
      .set(countKey(instance), String(local()), { expiration: { type: "PX", value: 3 * intervalMs } })
      .sAdd(INSTANCES, instance)
      .exec();
    const names = await redis.sMembers(INSTANCES);
    const counts = await redis.mGet(names.map(countKey)); // null: that instance stopped renewing
    const sum = names.reduce(
      (total, name, i) => (name === instance ? total : total + Number(counts[i] ?? 0)),
      0,
    );
    if (sum !== others) {
      others = sum;
      changed();
    }
  };
  // #endregion
  const timer = setInterval(() => tick().catch(() => {}), intervalMs); // Redis away: keep the last sum
  void tick().catch(() => {});
  return {
    total: () => others + local(),
    async stop() {
      clearInterval(timer);
      // With Redis gone, the command would wait in the client's queue for a reconnect; the
      // count's expiry forgets this instance anyway.
      if (redis.isReady) await redis.del(countKey(instance)).catch(() => {});
    },
  };
}
