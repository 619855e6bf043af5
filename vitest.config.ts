import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { spreadThrough } from "./scripts/spread-through.ts";
import { COMPARISONS } from "./vitest.compare.config.ts";

// Files that drive Chromium or run many servers take seconds of CPU each (BUSY). Others mostly
// wait (WAITING): an exercise file's stubs fail by hang guards running out, and the nginx, Redis
// and doctor files wait on real timeouts. Spread evenly through each other, the two kinds run
// side by side to the end, and the cores compute while the waiting workers wait; small files
// that finish in milliseconds fill the gaps at the end. Without timings from an earlier run (a
// fresh clone in CI), vitest orders by file size, and a three-line file that proves twenty
// exercises would start last and run alone at the end.
const BUSY = /(browser|page|slides|projector|react|vue|injection|scripts\/test\/exercise)\.test\.ts$/;
const WAITING = [
  /lessons\/[^/]+\/test\/exercises\.test\.ts$/, // each stub fails by a hang guard running out
  /lessons\/(07-scale-out\/test\/(job-streams|nginx)|08-llm-apis\/test\/bff|09-proxies\/test\/(idle|buffering)|10-durable-chat\/test\/durable-chat)\.test\.ts$/, // nginx, Redis
  /tools\/stream-doctor\/test\/(event-stream|websocket|proxies)\.test\.ts$/, // the doctor watches for seconds
];

class BusyBesideWaiting extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const busy = sorted.filter((file) => BUSY.test(file.moduleId));
    // A file in both lists would run twice: BUSY wins.
    const waiting = sorted.filter(
      (file) => !busy.includes(file) && WAITING.some((w) => w.test(file.moduleId)),
    );
    const slow = spreadThrough(busy, waiting);
    return [...slow, ...sorted.filter((file) => !slow.includes(file))];
  }
}

// One run for the whole workshop: unit, server integration over loopback, and
// browser tests (Chromium driven by playwright-core; see shared/testkit).
// A package's own `pnpm test` runs this config filtered to its folder.
export default defineConfig({
  test: {
    include: ["{shared,lessons,slides,scripts,tools}/**/test/**/*.test.ts"],
    // The comparison matrices rerun every transport through every fault, with realistic
    // timing: `pnpm compare --check` runs them (vitest.compare.config.ts), and so does CI.
    exclude: ["**/node_modules/**", ...COMPARISONS],
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // Five workers on two cores (2.5 a core, at most 8): most files wait on Chromium, timers and
    // sockets more than they compute, so the extra workers keep both cores busy. Measured on two
    // cores: 3 workers 105 s, 4 workers 93 s, 5 workers 89 s, with both cores busy ~97% of it.
    // Timing-sensitive checks count from the event they measure (e.g. a fault window starts at
    // the first reconnect it answers), and a watch leaves room for the test process to pause:
    // five workers on busy cores paused it for 235 ms, which flipped two doctor tests until then.
    maxWorkers: Math.min(8, Math.max(2, Math.round(availableParallelism() * 2.5))),
    // Test files in one worker share loaded modules instead of re-importing
    // vite, playwright and the lessons for each file (import time: ~43 s → ~6 s
    // of the run). Safe here because every test starts its own servers and
    // pages and restores what it changes (fake timers, env).
    isolate: false,
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache), keyed by each
    // file's content: a second run on the same clone skips compiling ~700 TypeScript modules
    // (a student's next `pnpm test`, or an exercise's check: 4–15% less CPU, measured). No plugin here
    // reads other files into a module, which is what could make the cache stale.
    experimental: { fsModuleCache: true },
    sequence: { sequencer: BusyBesideWaiting },
    // The default output, then the suite's wall time and its ten slowest files, and a word
    // if an exercise's starting code is in place (its lesson's tests fail meanwhile).
    reporters: ["default", "./scripts/suite-cost-reporter.ts", "./scripts/exercise-stub-reporter.ts"],
  },
});
