// Lesson 07's RESULTS.md is generated, never hand-written: the committed
// verdicts must equal a fresh run's.
import { readFileSync } from "node:fs";
import { stableSection } from "@workshop/results";
import { describeWithRedis } from "@workshop/testkit";
import { beforeAll, expect, it } from "vitest";
import { RESULTS_URL, renderScaleOutVerdicts } from "../src/matrix/render.ts";
import { runScaleOutMatrix, type ScaleOutResult } from "../src/matrix/scale-out-matrix.ts";

describeWithRedis("the scale-out rows of the comparison", (redis) => {
  let fresh: ScaleOutResult;
  beforeAll(async () => {
    fresh = await runScaleOutMatrix(redis().url);
  }, 90_000); // a hang guard: a busy machine takes several times as long
  const verdict = (scenario: string, transport: "SSE" | "WebSocket") =>
    fresh.get(scenario)?.get(transport)?.verdict;

  it("match the committed RESULTS.md (run `pnpm compare` in lesson 07 after changing it)", () => {
    expect(renderScaleOutVerdicts(fresh)).toBe(stableSection(readFileSync(RESULTS_URL, "utf8")));
  });

  it("with the tokens in Redis, EventSource resumes exactly after the instance serving it restarts", () => {
    expect(verdict("server restarted mid-stream (the instance serving the stream)", "SSE")).toBe(
      "✓ resumes exactly",
    );
  });

  it("a generation that died cannot be finished by any transport", () => {
    for (const transport of ["SSE", "WebSocket"] as const)
      expect(verdict("an instance killed mid-stream (the one generating the reply)", transport)).toMatch(
        /^✗/,
      );
  });
});
