// Lesson 08's rows in lesson 05's RESULTS.md are generated: the committed table must equal a fresh run's.
import { readFileSync } from "node:fs";
import { between, laterMarkers } from "@workshop/05-compare/src/matrix/render.ts";
import { beforeAll, describe, expect, it } from "vitest";
import {
  renderSplitChunks,
  runSplitChunks,
  SPLIT_ROWS,
  type SplitResult,
} from "../src/compare/split-chunks.ts";

let fresh: SplitResult;
beforeAll(async () => {
  fresh = await runSplitChunks();
}, 90_000); // a hang guard: a busy machine takes several times as long

describe("lesson 08's rows in the comparison", () => {
  it("match lesson 05's committed RESULTS.md (run `pnpm compare` in lesson 08 after changing an adapter)", () => {
    const results = readFileSync(new URL("../../05-compare/RESULTS.md", import.meta.url), "utf8");
    const { start, end } = laterMarkers("08");
    expect(renderSplitChunks(fresh)).toBe(between(results, start, end));
  });

  it("every adapter reassembles tool arguments and Chinese text from single bytes", () => {
    for (const row of SPLIT_ROWS)
      for (const [provider, verdict] of fresh.get(row) ?? [])
        expect(verdict, `${row}, ${provider}`).toMatch(/^(✓|—)/);
  });
});
