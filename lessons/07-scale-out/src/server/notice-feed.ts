// Notices for every page on every instance, two ways, to show the difference
// that matters. Pub/sub: fire and forget, each instance relays what it hears
// to its own pages; a subscriber that is disconnected for a moment simply
// misses what was said meanwhile. A Stream: every notice is kept (trimmed to
// the last NOTICES_KEPT), and a reader that comes back asks for everything
// after the last id it saw.
import type { NoticeData } from "@workshop/02-sse/protocol";
import { connectDuplicate, type Redis } from "./redis.ts";

export const NOTICE_CHANNEL = "notices";
export const NOTICE_STREAM = "notices:stream";
/** A Stream of notices is bounded: the newest this many are kept. */
export const NOTICES_KEPT = 1000;

/** Says a notice to every instance: on the channel (live only) and in the Stream (kept). */
export async function publishNotice(redis: Redis, notice: NoticeData): Promise<void> {
  const data = JSON.stringify(notice);
  await redis.publish(NOTICE_CHANNEL, data);
  await redis.xAdd(
    NOTICE_STREAM,
    "*",
    { data },
    { TRIM: { strategy: "MAXLEN", strategyModifier: "~", threshold: NOTICES_KEPT } },
  );
}

/** Pub/sub: calls `hear` for each notice said while subscribed. Returns the unsubscribe. */
export async function subscribeToNotices(
  redis: Redis,
  hear: (notice: NoticeData) => void,
): Promise<() => Promise<void>> {
  const subscriber = await connectDuplicate(redis);
  await subscriber.subscribe(NOTICE_CHANNEL, (data) => hear(JSON.parse(data) as NoticeData));
  return async () => {
    subscriber.destroy();
  };
}

/** A Stream position a client may ask from: "0" (the start) or an entry id it was given. */
export const NOTICE_CURSOR = /^(0|\d{1,20}-\d{1,20})$/;

/** A Stream reader: the notices after `lastId` ("$": only new ones), and the id to continue from. */
export async function readNotices(
  redis: Redis,
  lastId: string,
): Promise<{ notices: NoticeData[]; lastId: string }> {
  const reply = await redis.xRead({ key: NOTICE_STREAM, id: lastId }, { COUNT: NOTICES_KEPT });
  const messages = reply?.[0]?.messages ?? [];
  return {
    notices: messages.map(
      ({ message }: { message: Record<string, string> }) => JSON.parse(message.data ?? "{}") as NoticeData,
    ),
    lastId: messages.at(-1)?.id ?? lastId,
  };
}
