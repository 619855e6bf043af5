// Before starting anything on a Redis the user named (REDIS_URL): can it be reached? A client
// that cannot connect retries for ever by design, so without this look the lesson would wait
// in silence instead of saying what is wrong.
import { createClient } from "@redis/client";

/** Undefined when Redis at `url` answers a PING within `timeoutMs`; otherwise why not. */
export async function whyRedisUnreachable(url: string, timeoutMs = 3000): Promise<string | undefined> {
  const client = createClient({ url, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
  client.on("error", () => {}); // the failure is returned, not thrown from an event
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    client.destroy();
  }
}
