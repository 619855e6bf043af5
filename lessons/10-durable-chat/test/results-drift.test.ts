// Lesson 10's RESULTS.md is generated, never hand-written: the committed verdicts must
// equal a fresh run's.
import { readFileSync } from "node:fs";
import { stableSection } from "@workshop/results";
import { beforeAll, describe, expect, it } from "vitest";
import { type DurableResult, runDurableMatrix } from "../src/compare/durable-matrix.ts";
import { RESULTS_URL, renderDurableVerdicts } from "../src/compare/render.ts";

describe("lesson 10's rows of the comparison", () => {
  let fresh: DurableResult;
  beforeAll(async () => {
    fresh = await runDurableMatrix();
  }, 60_000); // a hang guard: a busy machine takes several times as long

  it("match the committed RESULTS.md (run `pnpm compare` in lesson 10 after changing it)", () => {
    expect(renderDurableVerdicts(fresh)).toBe(stableSection(readFileSync(RESULTS_URL, "utf8")));
  });

  it("a reload mid-answer continues exactly from a durable run, and loses the answer tied to a request", () => {
    const row = fresh.get("page reloaded mid-answer");
    expect(row?.get("lesson 10: a durable run")).toBe("✓ continues exactly");
    expect(row?.get("lesson 04: a stream per request")).toMatch(/^✗/);
  });

  it("a job of lessons 01–03 outlives its reader, but a page that lost its id can only ask again: generated twice", () => {
    for (const design of [
      "lesson 01: a polled job",
      "lesson 02: an SSE job",
      "lesson 03: a WebSocket job",
    ] as const) {
      expect(fresh.get("every tab closed mid-answer")?.get(design)).toBe("✓ generated to the end");
      expect(fresh.get("page reloaded mid-answer")?.get(design)).toBe("✗ asks again: generated twice");
    }
  });

  it("the same message sent twice is one generation only when the server knows the message's id", () => {
    const row = fresh.get("the same message sent twice");
    expect(row?.get("lesson 10: a durable run")).toBe("✓ one generation, one run");
    expect(row?.get("lesson 04: a stream per request")).toBe("✗ generated twice");
  });
});
