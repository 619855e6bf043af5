import { describe, expect, it } from "vitest";
import { createSeqTally } from "../src/index.ts";

describe("createSeqTally counts a reply's tokens by seq", () => {
  it("finds a token repeated by an overlapping poll or a reconnect that started over", () => {
    const tally = createSeqTally([0, 1, 2, 1, 2, 3]);
    expect({ duplicates: tally.duplicates, unique: tally.unique, gaps: tally.gaps }).toEqual({
      duplicates: 2,
      unique: 4,
      gaps: 0,
    });
  });

  it("finds tokens lost below the highest seq seen, and says whether each arrival is new", () => {
    const tally = createSeqTally();
    expect([0, 1, 4, 4].map((seq) => tally.add(seq))).toEqual([true, true, true, false]);
    expect(tally.gaps).toBe(2); // 2 and 3 never came
  });
});
