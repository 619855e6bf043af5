// Following a job from any instance: replay what the client missed (XREAD from
// its position), then wait for news (XREAD BLOCK) on a connection of its own,
// for as long as an owner holds the lease; then `done`, or `interrupted`.
import { entryId, leaseKey, streamKey } from "./job-keys.ts";
import { connectDuplicate, type Redis } from "./redis.ts";

export type JobEntry =
  | { type: "token"; seq: number; text: string }
  | { type: "done"; tokens: number; reason: string }
  /** Not stored: what a reader concludes when the owner's lease ran out before `done`. */
  | { type: "interrupted"; tokens: number };

/**
 * The job's entries after `afterSeq` (-1: from the start), then live ones, ending with
 * `done`, or `interrupted` once no owner holds the lease (it renews it every leaseMs/3).
 * Stops (closing its blocking connection) when `signal` aborts.
 */
export async function* followJob(
  redis: Redis,
  id: string,
  afterSeq: number,
  signal: AbortSignal,
  leaseMs: number,
): AsyncGenerator<JobEntry> {
  let last = entryId(afterSeq);
  let tokens = afterSeq + 1;
  const blocking = await connectDuplicate(redis);
  const leave = () => blocking.destroy(); // a blocked XREAD ends with its connection
  signal.addEventListener("abort", leave, { once: true });
  try {
    // #region follow-stream
    while (!signal.aborted) {
      // Wait for news only while an owner holds the lease; without one, read what is there and stop.
      const owned = (await redis.exists(leaseKey(id))) > 0;
      const reply = await blocking.xRead(
        { key: streamKey(id), id: last },
        owned ? { BLOCK: leaseMs, COUNT: 100 } : { COUNT: 100 },
      );
      const messages = reply?.[0]?.messages ?? [];
      for (const { id: position, message } of messages) {
        last = position;
        if (message.type === "done") {
          yield { type: "done", tokens: Number(message.tokens), reason: message.reason ?? "complete" };
          return;
        }
        tokens = Number(message.seq) + 1;
        yield { type: "token", seq: Number(message.seq), text: message.text ?? "" };
      }
      // Nothing new, read while no owner held the lease: it died mid-reply. (A lease that ran
      // out during a blocking wait is looked at once more: without it nothing more can be
      // written, so that last read finds every token, and all readers end at the same count.)
      if (messages.length === 0 && !owned) {
        yield { type: "interrupted", tokens };
        return;
      }
    }
    // #endregion
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    signal.removeEventListener("abort", leave);
    if (blocking.isOpen) blocking.destroy();
  }
}
