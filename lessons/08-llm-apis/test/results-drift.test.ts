// Lesson 08's RESULTS.md is generated: the committed table must equal a fresh run's.
import { readFileSync } from "node:fs";
import { stableSection } from "@workshop/results";
import { beforeAll, describe, expect, it } from "vitest";
import {
  RESULTS_URL,
  renderSplitChunks,
  runSplitChunks,
  SPLIT_ROWS,
  type SplitResult,
} from "../src/compare/split-chunks.ts";

let fresh: SplitResult;
beforeAll(async () => {
  fresh = await runSplitChunks();
}, 90_000); // a hang guard: a busy machine takes several times as long

describe("lesson 08's provider formats, one byte at a time", () => {
  it("match the committed RESULTS.md (run `pnpm compare` in lesson 08 after changing an adapter)", () => {
    expect(renderSplitChunks(fresh)).toBe(stableSection(readFileSync(RESULTS_URL, "utf8")));
  });

  it("every adapter reassembles tool arguments and Chinese text from single bytes", () => {
    for (const row of SPLIT_ROWS)
      for (const [provider, verdict] of fresh.get(row) ?? [])
        expect(verdict, `${row}, ${provider}`).toMatch(/^(✓|—)/);
  });
});
