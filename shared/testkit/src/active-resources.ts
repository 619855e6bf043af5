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
 * Resolves once `check()` is true, re-checking after every turn of the event
 * loop (so socket events and timers get processed in between): for cleanup
 * that happens on a socket's 'close' event, or work paced by the mock LLM.
 * Rejects after `timeoutMs`, so a leak fails the test instead of hanging it.
 */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`condition still false after ${timeoutMs} ms`);
    // A short timer, not setImmediate: the process sleeps between looks instead of spinning a
    // core, which on a two-core machine slowed the very servers and browser being waited for.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
