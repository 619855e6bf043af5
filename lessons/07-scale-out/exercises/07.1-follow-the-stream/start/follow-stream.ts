// 🐨 Loop until the client leaves (signal.aborted):
//   1. Read the entries after `last` with blocking.xRead({ key: streamKey(id), id: last }, options).
//      While an owner holds the lease (redis.exists(leaseKey(id))), block for up to leaseMs
//      ({ BLOCK: leaseMs, COUNT: 100 }) to follow the job live; without one, don't block.
//   2. For each message: remember its id in `last`. A `done` message: yield
//      { type: "done", tokens, reason } and return. A token: yield { type: "token", seq, text }
//      and keep `tokens = seq + 1`.
//   3. Nothing new from a read made while no one held the lease: the owner died.
//      yield { type: "interrupted", tokens }, return. (A lease that ran out during a blocking
//      read: go round once more, so a read that does not block finds the last tokens.)
// 💣 Below: a replay of what is already there, and nothing after it.
const reply = await blocking.xRead({ key: streamKey(id), id: last }, { COUNT: 100 });
for (const { message } of reply?.[0]?.messages ?? []) {
  if (message.type === "token") yield { type: "token", seq: Number(message.seq), text: message.text ?? "" };
}
