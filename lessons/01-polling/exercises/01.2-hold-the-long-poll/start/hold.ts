// 🐨 Nothing new yet: hold the request instead of answering. Three things can end the wait:
//   1. a token arrives or the job ends: `job.subscribe(callback)` calls you back then
//      (and returns the function that unsubscribes),
//   2. `timeoutMs` passes: answer anyway with `pollResponse(job, cursor)`, which then has
//      no tokens and the same cursor (the client simply asks again),
//   3. the client leaves: the response emits "close". There is nobody to answer then.
//   Whichever comes first must undo the other two, or every request leaks a timer and a listener.
// 🐨 While it waits, the request takes one of this client's slots: `limit.open(address)`
//   (the address is `clientAddress(req)`) throws a 429 when the client already holds too
//   many, and returns the function that gives the slot back. Give it back when the wait ends.
// 🐨 Also keep the request in the `held` set while it waits (put its answering function
//   there): a graceful shutdown answers every held request at once. Take it out when it ends.
res.json(pollResponse(job, cursor)); // 💣 answers at once: this is short polling again
