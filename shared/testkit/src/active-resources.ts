// Leak checks without sleeping: Node lists what keeps the event loop alive
// (timers, sockets, servers). A server that cleans up after a client leaves
// brings these counts back to where they were.

export type ResourceCounts = Record<string, number>;

/** Counts of live resources by kind, e.g. { Timeout: 2, TCPSocketWrap: 1 }. */
export function activeResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Kinds whose count grew since `before`, with how many more there are. */
export function resourcesAddedSince(before: ResourceCounts): ResourceCounts {
  const added: ResourceCounts = {};
  for (const [kind, count] of Object.entries(activeResources())) {
    const extra = count - (before[kind] ?? 0);
    if (extra > 0) added[kind] = extra;
  }
  return added;
}

/**
 * Resolves once `check()` is true, re-checking after each turn of the event
 * loop: for cleanup that happens on a socket's 'close' event, a few turns after
 * the client hangs up. Rejects after `turns` turns, so a leak fails the test.
 */
export async function eventually(check: () => boolean, turns = 500): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!check()) throw new Error(`condition still false after ${turns} event-loop turns`);
}
