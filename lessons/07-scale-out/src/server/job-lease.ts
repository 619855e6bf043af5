// The lease: the instance generating a job holds job:<id>:lease while it does,
// renewing it every leaseMs/3. Its writes are fenced by it: a token or `done` is
// added only while the writer still holds the lease, checked in the same script.
import { leaseKey, streamKey } from "./job-keys.ts";
import type { Redis } from "./redis.ts";

// #region fenced-write
// Only the lease's holder may add to a job's stream: checked and written in one script,
// so a lease that lapses between the check and the write cannot let a token through.
const WRITE_IF_LEASE_HELD = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('XADD', KEYS[2], ARGV[2], unpack(ARGV, 3))
return 1`;
const RENEW_IF_LEASE_HELD = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`;
// #endregion

export async function writeIfLeaseHeld(
  redis: Redis,
  id: string,
  instance: string,
  position: string,
  fields: Record<string, string>,
): Promise<boolean> {
  const reply = await redis.eval(WRITE_IF_LEASE_HELD, {
    keys: [leaseKey(id), streamKey(id)],
    arguments: [instance, position, ...Object.entries(fields).flat()],
  });
  return reply === 1;
}

/** True while `instance` still holds the lease (renewed); false once it lapsed or went to another. */
export async function renewLease(
  redis: Redis,
  key: string,
  instance: string,
  leaseMs: number,
): Promise<boolean> {
  return (
    (await redis.eval(RENEW_IF_LEASE_HELD, { keys: [key], arguments: [instance, String(leaseMs)] })) === 1
  );
}
