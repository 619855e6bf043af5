import { describe, expect, it } from "vitest";
import { between, renderResultsFile, replaceBetween, stableSection } from "../src/results-file.ts";

describe("a lesson's RESULTS.md", () => {
  const file = renderResultsFile({
    title: "Lesson 99 · Results",
    intro: "Generated.",
    stable: "| a | b |\n| --- | --- |\n| ✓ | ✗ |",
    measured: "~120 ms",
  });

  it("keeps the verdicts between markers, and the measured timings after them", () => {
    expect(stableSection(file)).toBe("| a | b |\n| --- | --- |\n| ✓ | ✗ |");
    expect(file.indexOf("~120 ms")).toBeGreaterThan(file.indexOf("stable:end"));
  });

  it("reads nothing where a marker is missing, and refuses to write there", () => {
    expect(between("no markers", "<!-- a -->", "<!-- b -->")).toBe("");
    expect(() => replaceBetween("no markers", "<!-- a -->", "<!-- b -->", "x")).toThrow(/no <!-- a -->/);
  });

  it("replaces only what lies between the markers", () => {
    const readme = "before\n<!-- a -->\nold\n<!-- b -->\nafter";
    expect(replaceBetween(readme, "<!-- a -->", "<!-- b -->", "new")).toBe(
      "before\n<!-- a -->\nnew\n<!-- b -->\nafter",
    );
  });
});
