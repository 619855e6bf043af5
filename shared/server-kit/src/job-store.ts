// The shared scenario of every lesson: the user asks, the server starts a
// *job* that generates the reply token by token with the mock LLM, and clients
// read the job's tokens by position (a cursor, a Last-Event-ID, an afterSeq).
// Because the tokens are kept, a client can come back and miss nothing.
import { randomUUID } from "node:crypto";
import type { MockLlm } from "@workshop/mock-llm";
import type { Token } from "@workshop/protocol";
import { HttpError } from "./errors.ts";
import { createStreamLimit } from "./stream-limit.ts";

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

/**
 * What the store may hold, so no client (or crowd of clients) can make the
 * server run out of memory. Over budget, start() throws a 429 HttpError.
 */
export interface JobBudget {
  /** Jobs generating at once, all clients together (MAX_RUNNING_JOBS). */
  maxRunning: number;
  /** Jobs generating at once for one client address (MAX_JOBS_PER_CLIENT). */
  maxRunningPerClient: number;
  /**
   * UTF-8 bytes of reply text kept, running and finished jobs together
   * (MAX_JOB_STORE_BYTES). Over it, finished jobs are evicted oldest first.
   */
  maxStoredBytes: number;
}

export const DEFAULT_JOB_BUDGET: JobBudget = {
  maxRunning: 64,
  maxRunningPerClient: 4,
  maxStoredBytes: 32 * 1024 * 1024,
};

/** The budget with any of MAX_RUNNING_JOBS, MAX_JOBS_PER_CLIENT, MAX_JOB_STORE_BYTES applied. */
export function jobBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): JobBudget {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isSafeInteger(value) && value > 0 ? value : fallback;
  };
  return {
    maxRunning: read("MAX_RUNNING_JOBS", DEFAULT_JOB_BUDGET.maxRunning),
    maxRunningPerClient: read("MAX_JOBS_PER_CLIENT", DEFAULT_JOB_BUDGET.maxRunningPerClient),
    maxStoredBytes: read("MAX_JOB_STORE_BYTES", DEFAULT_JOB_BUDGET.maxStoredBytes),
  };
}

export interface JobStoreOptions {
  llm: MockLlm;
  /** Defaults to jobBudgetFromEnv(). */
  budget?: Partial<JobBudget>;
  /** How long a finished job stays readable. */
  keepFinishedMs?: number;
  /** A running job nobody has read or subscribed to for this long is cancelled: its client is gone. */
  abandonAfterMs?: number;
}

export interface JobStoreUsage {
  running: number;
  stored: number;
  storedBytes: number;
}

export interface JobStore {
  /** Starts generating. `client` (an address) is what maxRunningPerClient counts. Throws 429 over budget. */
  start(prompt: string, client?: string): Job;
  /** Looks a job up; reading it counts as a sign of life from its client. */
  get(id: string): Job | undefined;
  readonly size: number;
  /** What the budget counts, right now. */
  usage(): JobStoreUsage;
  readonly budget: JobBudget;
  /** Listeners across all jobs: leak tests expect 0 once clients are gone. */
  listenerCount(): number;
  /** Cancels every job and forgets them (shutdown). */
  close(): void;
}

export function createJobStore({
  llm,
  budget: budgetOptions,
  keepFinishedMs = 60_000,
  abandonAfterMs = 60_000,
}: JobStoreOptions): JobStore {
  const budget: JobBudget = { ...jobBudgetFromEnv(), ...budgetOptions };
  // Insertion order is start order, so the first finished job found is the oldest.
  const jobs = new Map<string, ReturnType<typeof createJob>>();
  // Running jobs are counted per client the way held streams are.
  const running = createStreamLimit(budget.maxRunningPerClient);
  let storedBytes = 0;

  /** Drops finished jobs, oldest first, until the kept text fits the budget again. */
  function evictFinished(): void {
    for (const job of jobs.values()) {
      if (storedBytes <= budget.maxStoredBytes) return;
      if (job.done) forget(job);
    }
  }

  /** Counts a new job against the budget; its release, or a 429 HttpError. */
  function admit(client: string): () => void {
    if (running.count() >= budget.maxRunning) {
      throw new HttpError(
        429,
        "too_many_jobs",
        `The server is generating ${running.count()} replies; try again soon.`,
        5,
      );
    }
    evictFinished();
    if (storedBytes >= budget.maxStoredBytes) {
      throw new HttpError(429, "job_store_full", "The server is holding as many replies as it can.", 10);
    }
    const release = running.tryOpen(client);
    if (!release) {
      throw new HttpError(
        429,
        "too_many_jobs",
        `You already have ${budget.maxRunningPerClient} replies generating; wait for one to finish.`,
        5,
      );
    }
    return release;
  }

  function forget(job: ReturnType<typeof createJob>): void {
    if (!jobs.delete(job.id)) return;
    storedBytes -= job.bytes;
    job.dispose();
  }

  function createJob(prompt: string, release: () => void) {
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

    const job: Job & { touch(): void; dispose(): void; bytes: number } = {
      id,
      bytes: 0,
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
          const bytes = Buffer.byteLength(text);
          job.bytes += bytes;
          storedBytes += bytes;
          if (storedBytes > budget.maxStoredBytes) {
            evictFinished();
            // Only running jobs left to blame: this one stops here, with what it has.
            if (storedBytes > budget.maxStoredBytes) job.cancel("over_budget");
          }
          notify();
        }
      } catch (error) {
        stopReason ??= error instanceof Error ? error.message : String(error);
      } finally {
        done = true;
        release();
        if (jobs.has(id)) arm(keepFinishedMs, () => forget(job));
        notify();
      }
    })();
    return job;
  }

  return {
    budget,
    start(prompt, client = "local") {
      const job = createJob(prompt, admit(client));
      jobs.set(job.id, job);
      return job;
    },
    usage() {
      return { running: running.count(), stored: jobs.size, storedBytes };
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
      storedBytes = 0;
    },
  };
}
