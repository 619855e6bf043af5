// The lesson's Redis clients. One for commands per instance, plus one per blocking read or
// subscription: a connection in XREAD BLOCK or SUBSCRIBE can do nothing else.
import { createClient } from "@redis/client";

/** A Redis client for this lesson; a dropped connection reconnects by itself and must not crash. */
export function redisClient(url: string) {
  const client = createClient({ url });
  client.on("error", () => {});
  return client;
}
export type Redis = ReturnType<typeof redisClient>;

/** A connection of its own, for a blocking read or a subscription; destroy() it when done. */
export async function connectDuplicate(redis: Redis): Promise<Redis> {
  const connection = redis.duplicate();
  connection.on("error", () => {}); // it reconnects by itself; and is destroyed on purpose when its reader leaves
  await connection.connect();
  return connection;
}
