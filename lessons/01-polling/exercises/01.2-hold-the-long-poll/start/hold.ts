// 🐨 Nothing new yet: hold the request instead of answering. Three things can end the wait:
//   1. a token arrives or the job ends: `job.subscribe(callback)` (it returns the unsubscribe),
//   2. `timeoutMs` passes: answer anyway, `pollResponse(job, cursor)` (no tokens, same cursor),
//   3. the client leaves: the response's "close" event. Nobody to answer then.
//   Whichever comes first must undo the other two, or every request leaks a timer and a listener.
// 🐨 Also count the request as held while it waits, and release it when it ends:
//   - `limit.open(clientAddress(req))` returns a release function (it answers 429 when
//     this client already holds too many),
//   - `held.add(answer)` / `held.delete(answer)`: shutdown answers every held request.
res.json(pollResponse(job, cursor)); // 💣 answers at once: this is short polling again
