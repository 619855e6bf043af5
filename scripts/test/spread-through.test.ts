import { describe, expect, it } from "vitest";
import { spreadThrough } from "../spread-through.ts";

describe("the suite's order: files that compute spread evenly through files that wait", () => {
  it("interleaves the two lists in proportion, each in its own order, so both run out together", () => {
    expect(spreadThrough([1, 2, 3, 4, 5], ["a", "b"])).toEqual([1, "a", 2, 3, "b", 4, 5]);
    expect(spreadThrough([1, 2], ["a", "b", "c", "d"])).toEqual([1, "a", "b", 2, "c", "d"]);
  });

  it("keeps every item once, whichever list is empty", () => {
    expect(spreadThrough([], ["a"])).toEqual(["a"]);
    expect(spreadThrough([1], [])).toEqual([1]);
  });
});
