// 🐨 The lease (set with leaseMs in start()) runs out unless the owner renews it. Renew it
//    every third of its life, so one or two missed renewals do not lose it: renewLease
//    (job-lease.ts) resolves true while this instance still holds the lease.
// 🐨 When a renewal finds the lease gone, it lapsed and the readers were told `interrupted`:
//    stop generating, with the reason "lease lost".
//    A renewal that fails (Redis unreachable) needs nothing: the lease runs out, which is
//    right. But catch it, or Node reports an unhandled rejection.
// 🐨 Keep the timer in `renew`: the code below clears it when the generation ends.
const renew = setInterval(() => {}, leaseMs / 3);
