    // 🐨 `failures` picks the next delay, so it only ever climbs. Reset it to 0 when the
    //    connection that just dropped had stayed up at least `stableAfterMs` (it opened at
    //    `openedAt`, 0 if it never opened; `now()` is the clock). A connection that opens
    //    and drops at once must NOT reset it, or a broken server gets hammered.
