// The shared scenario of every lesson: the user asks, the server starts a
// *job* that generates the reply token by token with the mock LLM, and clients
// read the job's tokens by position (a cursor, a Last-Event-ID, an afterSeq).
// Because the tokens are kept, a client can come back and miss nothing.
import { randomUUID } from "node:crypto";
import type { MockLlm } from "@workshop/mock-llm";
import type { Token } from "@workshop/protocol";

export interface Job {
  readonly id: string;
  readonly prompt: string;
  /** Every token so far; `tokens[i].seq === i`. */
  readonly tokens: readonly Token[];
  readonly done: boolean;
  /** Set when generation stopped early (cancelled, abandoned, failed). */
  readonly stopReason: string | undefined;
  /** `listener` runs after each new token and once when the job ends. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  readonly listenerCount: number;
  /** Stops generation now. */
  cancel(reason?: string): void;
}

export interface JobStoreOptions {
  llm: MockLlm;
  /** How long a finished job stays readable. */
  keepFinishedMs?: number;
  /** A running job nobody has read or subscribed to for this long is cancelled: its client is gone. */
  abandonAfterMs?: number;
}

export interface JobStore {
  start(prompt: string): Job;
  /** Looks a job up; reading it counts as a sign of life from its client. */
  get(id: string): Job | undefined;
  readonly size: number;
  /** Listeners across all jobs: leak tests expect 0 once clients are gone. */
  listenerCount(): number;
  /** Cancels every job and forgets them (shutdown). */
  close(): void;
}

export function createJobStore({
  llm,
  keepFinishedMs = 60_000,
  abandonAfterMs = 60_000,
}: JobStoreOptions): JobStore {
  const jobs = new Map<string, ReturnType<typeof createJob>>();

  function createJob(prompt: string) {
    const id = randomUUID();
    const tokens: Token[] = [];
    const listeners = new Set<() => void>();
    const controller = new AbortController();
    let done = false;
    let stopReason: string | undefined;
    let timer: NodeJS.Timeout | undefined;

    // One timer per job, never keeping the process alive: while running it
    // watches for abandonment; once done it removes the job after a while.
    const arm = (ms: number, onFire: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onFire, ms).unref();
    };
    const notify = () => {
      for (const listener of [...listeners]) listener();
    };

    const job: Job & { touch(): void; dispose(): void } = {
      id,
      prompt,
      tokens,
      get done() {
        return done;
      },
      get stopReason() {
        return stopReason;
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      get listenerCount() {
        return listeners.size;
      },
      cancel(reason = "cancelled") {
        if (!done) {
          stopReason = reason;
          controller.abort(new Error(reason));
        }
      },
      touch() {
        // A subscriber (an open stream) is a client still there; check again later.
        if (!done) arm(abandonAfterMs, () => (listeners.size > 0 ? job.touch() : job.cancel("abandoned")));
      },
      dispose() {
        clearTimeout(timer);
        job.cancel("shutdown");
        listeners.clear();
      },
    };

    job.touch();
    void (async () => {
      try {
        for await (const text of llm.generate(prompt, { signal: controller.signal })) {
          tokens.push({ seq: tokens.length, text });
          notify();
        }
      } catch (error) {
        stopReason ??= error instanceof Error ? error.message : String(error);
      } finally {
        done = true;
        arm(keepFinishedMs, () => jobs.delete(id));
        notify();
      }
    })();
    return job;
  }

  return {
    start(prompt) {
      const job = createJob(prompt);
      jobs.set(job.id, job);
      return job;
    },
    get(id) {
      const job = jobs.get(id);
      job?.touch();
      return job;
    },
    get size() {
      return jobs.size;
    },
    listenerCount() {
      let count = 0;
      for (const job of jobs.values()) count += job.listenerCount;
      return count;
    },
    close() {
      for (const job of jobs.values()) job.dispose();
      jobs.clear();
    },
  };
}
