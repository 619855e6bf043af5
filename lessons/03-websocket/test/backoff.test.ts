import { seededRandom } from "@workshop/mock-llm";
import { describe, expect, it } from "vitest";
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from "../src/client/backoff.ts";

const options = { baseMs: 500, maxMs: 15_000, factor: 2 };

describe("the reconnect backoff schedule", () => {
  it("doubles the ceiling with each attempt", () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffCeiling(n, options))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it("never waits longer than the cap, however many attempts", () => {
    expect(backoffCeiling(5, options)).toBe(15_000);
    expect(backoffCeiling(50, options)).toBe(15_000);
  });

  it("picks a random delay between 0 and the ceiling (full jitter)", () => {
    const random = seededRandom(7);
    for (let attempt = 0; attempt < 10; attempt++) {
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(attempt, options, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(backoffCeiling(attempt, options));
      }
    }
  });

  it("spreads clients that lost the same server over the whole window, instead of a thundering herd", () => {
    const random = seededRandom(42);
    const delays = Array.from({ length: 1000 }, () => backoffDelay(4, options, random));
    const buckets = [0, 1, 2, 3].map((b) => delays.filter((d) => Math.floor(d / 2000) === b).length);
    for (const count of buckets) expect(count).toBeGreaterThan(150); // ~250 each
  });

  it("uses a short first wait by default, so a blip recovers fast", () => {
    expect(backoffCeiling(0, DEFAULT_BACKOFF)).toBeLessThanOrEqual(1000);
  });
});
