// A vitest reporter that prints what the suite cost: its wall time and the ten
// slowest test files (hooks included, so a matrix run in beforeAll counts), so
// every CI log shows where the next regression went. Wired in vitest.config.ts.
import type { Reporter, TestModule } from "vitest/node";

const SHOWN = 10;

export default class SuiteCostReporter implements Reporter {
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const files = modules
      .map((module) => ({ name: module.relativeModuleId, ms: module.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms);
    const lines = [
      "",
      `Suite cost: ${seconds(performance.now() - this.started)} wall for ${files.length} files; the ${SHOWN} slowest (tests and hooks):`,
      ...files.slice(0, SHOWN).map(({ name, ms }) => `  ${seconds(ms).padStart(7)}  ${name}`),
    ];
    console.log(lines.join("\n"));
  }
}
