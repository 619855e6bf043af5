// 🐨 cancel() (below) publishes a job id on CANCEL_CHANNEL, from whichever instance got
//    the Stop. Subscribe to that channel here, on the `control` connection (a subscribed
//    connection can do nothing else): control.subscribe(CANCEL_CHANNEL, (id) => …).
// 🐨 When an id arrives that this instance is generating (`generating` maps ids to their
//    AbortController), abort it with the reason "cancelled".
