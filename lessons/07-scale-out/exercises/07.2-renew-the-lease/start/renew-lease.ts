// 🐨 The lease (set with leaseMs in start()) runs out unless the owner renews it.
//    Every leaseMs / 3, renew it: renewLease(redis, leaseKey(id), instance, leaseMs) resolves
//    true while this instance still holds the lease (one script: PEXPIRE only if it is ours).
// 🐨 When it resolves false, the lease lapsed and the readers were told `interrupted`:
//    stop generating with controller.abort("lease lost").
//    Catch a failure (.catch(() => {})): Redis unreachable means the lease runs out, which is right.
// 🐨 Keep the timer in `renew`: the code below clears it when the generation ends.
const renew = setInterval(() => {}, leaseMs / 3);
