// 🐨 cancel() (below) publishes a job id on CANCEL_CHANNEL, from whichever instance got
//    the Stop. Subscribe to that channel here, on the `control` connection (a subscribed
//    connection can do nothing else), so every instance hears every Stop.
// 🐨 When an id arrives that this instance is generating (`generating` maps ids to their
//    AbortController), abort that generation with the reason "cancelled". Any other id is
//    another instance's job: ignore it.
