// A run: one answer being generated into a log of tokens, each at an offset (its seq),
// ended by one `done`. The run belongs to no request: readers come and go, and only
// `stop` ends it early. Two stores keep runs: memory-runs.ts (one process, nothing to
// install) and redis-runs.ts (lesson 07's job streams: any instance, and a restart).
import type { JobEntry } from "@workshop/07-scale-out/src/server/follow-job.ts";

/**
 * What a reader gets, lesson 07's job entries: tokens from an offset on, then `done`
 * with why it ended ("cancelled" is Stop), or `interrupted` when its generator died.
 */
export type RunEntry = JobEntry;

// #region runs
export interface Runs {
  /** Starts generating an answer to `prompt`; the run's id. 429 over the generation bounds. */
  start(prompt: string, client?: string): Promise<string>;
  /**
   * The run's entries after `afterSeq` (-1: from the start), then live ones until it
   * ends. Leaving (aborting `signal`) ends this reader, never the run.
   */
  read(id: string, afterSeq: number, signal: AbortSignal): AsyncIterable<RunEntry>;
  /** Stops the run wherever it is generated; its readers get `done` with reason "cancelled". */
  stop(id: string): Promise<void>;
  /** The token count of a run that ended with `done`; undefined while it runs (or if unknown). */
  endedAt(id: string): Promise<number | undefined>;
  /** False for a run this store never had (or has let go of). */
  exists(id: string): Promise<boolean>;
  /** Generations under way in this process. */
  generating(): number;
  close(): Promise<void>;
}
// #endregion
