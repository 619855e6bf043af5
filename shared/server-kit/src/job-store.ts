// The shared scenario of every lesson: the user asks, the server starts a
// *job* (job.ts) that generates the reply token by token with the mock LLM, and
// clients read the job's tokens by position (a cursor, a Last-Event-ID, an
// afterSeq). The store keeps the jobs within a budget (job-budget.ts).
import type { MockLlm } from "@workshop/mock-llm";
import { HttpError } from "./errors.ts";
import { type Job, type StoredJob, startJob } from "./job.ts";
import { type JobBudget, jobBudgetFromEnv } from "./job-budget.ts";
import { createStreamLimit } from "./stream-limit.ts";

export type { Job } from "./job.ts";
export { DEFAULT_JOB_BUDGET, type JobBudget, jobBudgetFromEnv } from "./job-budget.ts";

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
  const jobs = new Map<string, StoredJob>();
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

  function forget(job: StoredJob): void {
    if (!jobs.delete(job.id)) return;
    storedBytes -= job.bytes;
    job.dispose();
  }

  return {
    budget,
    start(prompt, client = "local") {
      const job = startJob(prompt, {
        llm,
        release: admit(client),
        abandonAfterMs,
        keepFinishedMs,
        onToken(running, bytes) {
          storedBytes += bytes;
          if (storedBytes <= budget.maxStoredBytes) return;
          evictFinished();
          // Only running jobs left to blame: this one stops here, with what it has.
          if (storedBytes > budget.maxStoredBytes) running.cancel("over_budget");
        },
        onExpired: forget,
      });
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
