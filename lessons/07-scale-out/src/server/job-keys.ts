// Where a job lives in Redis: its tokens (a Stream), its owner's lease, its
// prompt (for Continue), and the channel a cancel travels on.
export const CANCEL_CHANNEL = "jobs:cancel";
export const streamKey = (id: string) => `job:${id}`;
export const leaseKey = (id: string) => `job:${id}:lease`;
export const promptKey = (id: string) => `job:${id}:prompt`;
// Entry ids are derived from the token seq, so Last-Event-ID maps to a stream
// position with no lookup: token n is `${n + 1}-0`, done comes after the last.
export const entryId = (seq: number) => `${seq + 1}-0`;
