// 🐨 The lease (set with leaseMs in start()) runs out unless the owner renews it.
//    Every leaseMs / 3, set it again: redis.set(leaseKey(id), instance,
//    { expiration: { type: "PX", value: leaseMs }, condition: "XX" }) (XX: only while it exists).
//    Catch a failure (.catch(() => {})): Redis unreachable means the lease runs out, which is right.
// 🐨 Keep the timer in `renew`: the code below clears it when the generation ends.
const renew = setInterval(() => {}, leaseMs / 3);
