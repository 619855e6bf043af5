// Runs kept in this process: each run's tokens in an array, and the readers waiting
// for the next one. Nothing to install; a restart forgets everything (Redis does not:
// redis-runs.ts). The same bounds as lesson 07's job streams.
import { randomUUID } from "node:crypto";
import type { MockLlm } from "@workshop/mock-llm";
import { createStreamLimit, HttpError } from "@workshop/server-kit";
import type { RunEntry, Runs } from "./runs.ts";

export interface MemoryRunsOptions {
  llm: MockLlm;
  /** Tokens one run may write; it then ends with reason "max_tokens". */
  maxTokens?: number;
  /** Generations at once in this process; one more is refused with 429. */
  maxGenerating?: number;
  /** Generations one client address runs at once; one more is refused with 429. */
  maxGeneratingPerClient?: number;
  /** Ended runs kept for readers; the oldest is let go of beyond this. */
  maxKept?: number;
}

interface Run {
  entries: RunEntry[];
  ended: boolean;
  controller: AbortController;
  /** Readers waiting for the next entry. */
  waiting: Set<() => void>;
}

export function createMemoryRuns({
  llm,
  maxTokens = 2000,
  maxGenerating = 100,
  maxGeneratingPerClient = 4,
  maxKept = 1000,
}: MemoryRunsOptions): Runs {
  const runs = new Map<string, Run>();
  const perClient = createStreamLimit(maxGeneratingPerClient);
  let generating = 0;

  const append = (run: Run, entry: RunEntry) => {
    run.entries.push(entry);
    if (entry.type !== "token") run.ended = true;
    for (const wake of run.waiting) wake();
    run.waiting.clear();
  };

  // #region generate
  async function generate(run: Run, prompt: string, release: () => void): Promise<void> {
    let seq = 0;
    let reason = "complete";
    try {
      for await (const text of llm.generate(prompt, { signal: run.controller.signal })) {
        append(run, { type: "token", seq, text });
        if (++seq >= maxTokens) {
          reason = "max_tokens";
          run.controller.abort(reason); // stops the model too
          break;
        }
      }
    } catch {
      reason = run.controller.signal.aborted ? String(run.controller.signal.reason) : "failed";
    } finally {
      generating--;
      release();
    }
    append(run, { type: "done", tokens: seq, reason });
    forgetOldest();
  }
  // #endregion

  /** Lets go of the oldest ended runs beyond maxKept (a Map iterates in insertion order). */
  function forgetOldest(): void {
    let ended = 0;
    for (const run of runs.values()) if (run.ended) ended++;
    for (const [id, run] of runs) {
      if (ended <= maxKept) return;
      if (!run.ended) continue; // a run still generating is never let go of
      runs.delete(id);
      ended--;
    }
  }

  return {
    async start(prompt, client) {
      if (generating >= maxGenerating)
        throw new HttpError(
          429,
          "too_many_runs",
          `${maxGenerating} answers are generating; try again soon.`,
          1,
        );
      const release = client === undefined ? () => {} : perClient.tryOpen(client);
      if (!release)
        throw new HttpError(
          429,
          "too_many_runs",
          `You have ${maxGeneratingPerClient} answers generating; wait for one to finish.`,
          1,
        );
      const id = randomUUID();
      const run: Run = { entries: [], ended: false, controller: new AbortController(), waiting: new Set() };
      runs.set(id, run);
      generating++;
      void generate(run, prompt, release);
      return id;
    },

    // #region read-run
    async *read(id, afterSeq, signal) {
      const run = runs.get(id);
      if (!run) return;
      let next = afterSeq + 1; // entries[i] is token i; the last is `done`
      while (!signal.aborted) {
        while (next < run.entries.length) {
          const entry = run.entries[next++] as RunEntry;
          yield entry;
          if (entry.type !== "token") return;
        }
        if (run.ended) return; // asked for offsets past the end: nothing more will come
        // Wait for the next entry, or for this reader to leave.
        await new Promise<void>((resolve) => {
          const wake = () => {
            signal.removeEventListener("abort", wake);
            run.waiting.delete(wake);
            resolve();
          };
          run.waiting.add(wake);
          signal.addEventListener("abort", wake, { once: true });
        });
      }
    },
    // #endregion

    async stop(id) {
      runs.get(id)?.controller.abort("cancelled");
    },
    async endedAt(id) {
      const last = runs.get(id)?.entries.at(-1);
      return last?.type === "done" ? last.tokens : undefined;
    },
    async exists(id) {
      return runs.has(id);
    },
    generating: () => generating,
    async close() {
      for (const run of runs.values()) if (!run.ended) run.controller.abort("shutdown");
    },
  };
}
