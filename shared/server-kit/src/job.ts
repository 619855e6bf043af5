// One job: the reply to one prompt, generated token by token with the mock LLM
// and kept, each token numbered (seq 0, 1, 2, …), so a client can ask for
// "everything after N" and miss nothing when it comes back. Its store decides
// how long it is kept and what it may cost (job-store.ts).
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

/** What the store holds: a job, what its text weighs, and its lifecycle hooks. */
export interface StoredJob extends Job {
  /** UTF-8 bytes of reply text kept. */
  bytes: number;
  /** A sign of life from its client: postpones "abandoned". */
  touch(): void;
  /** Cancels it and drops its listeners and timer (the store forgot it). */
  dispose(): void;
}

export interface JobLifecycle {
  llm: MockLlm;
  /** Frees the job's place among the running ones, once it ends. */
  release: () => void;
  /** A running job nobody has read or subscribed to for this long is cancelled: its client is gone. */
  abandonAfterMs: number;
  /** How long a finished job stays readable, before onExpired. */
  keepFinishedMs: number;
  /** After each token is kept, with its UTF-8 size: the store counts it (and may cancel the job). */
  onToken(job: StoredJob, bytes: number): void;
  /** keepFinishedMs after the job ended. */
  onExpired(job: StoredJob): void;
}

/** Starts generating `prompt` now; the returned job fills as the tokens come. */
export function startJob(
  prompt: string,
  { llm, release, abandonAfterMs, keepFinishedMs, onToken, onExpired }: JobLifecycle,
): StoredJob {
  const id = randomUUID();
  const tokens: Token[] = [];
  const listeners = new Set<() => void>();
  const controller = new AbortController();
  let done = false;
  let stopReason: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  // One timer per job, never keeping the process alive: while running it
  // watches for abandonment; once done it removes the job after a while.
  const arm = (ms: number, onFire: () => void) => {
    clearTimeout(timer);
    timer = setTimeout(onFire, ms).unref();
  };
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  const job: StoredJob = {
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
      disposed = true;
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
        onToken(job, bytes);
        notify();
      }
    } catch (error) {
      stopReason ??= error instanceof Error ? error.message : String(error);
    } finally {
      done = true;
      release();
      if (!disposed) arm(keepFinishedMs, () => onExpired(job));
      notify();
    }
  })();
  return job;
}
