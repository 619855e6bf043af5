// What a job store may hold, so no client (or crowd of clients) can make the
// server run out of memory; each bound can be set from the environment.

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
