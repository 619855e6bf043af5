// 🐨 Loop until the client leaves (the signal aborts):
//   1. Read the job's entries after `last`, on the `blocking` connection. While an owner
//      holds the job's lease, the reply is still coming: let the read block (up to leaseMs)
//      so new tokens reach this reader as they are written. Without an owner, don't block.
//   2. For each entry, remember its position in `last`, so the next read continues after it.
//      A `done` entry ends the reply: yield it and return. A token: yield it, and keep the
//      count of tokens so far in `tokens`.
//   3. A read made while no one held the lease, and nothing new: the owner died. Yield
//      `interrupted` with the count, and return. (A lease that ran out during a blocking
//      read: go round once more, so a read that does not block finds the last tokens.)
// 💣 Below: a replay of what is already there, and nothing after it.
const reply = await blocking.xRead({ key: streamKey(id), id: last }, { COUNT: 100 });
for (const { message } of reply?.[0]?.messages ?? []) {
  if (message.type === "token") yield { type: "token", seq: Number(message.seq), text: message.text ?? "" };
}
