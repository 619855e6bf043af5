// The page shows a tool call's arguments while they stream: partial JSON,
// parsed on every piece (the `partial-json` library), never a thrown error.
import { describe, expect, it } from "vitest";
import { partialArguments } from "../src/client/partial-arguments.ts";

describe("a tool call's arguments, read while they stream", () => {
  it("shows the fields so far: half a string is already a value", () => {
    const pieces = ['{"', "city", '":"', "Hang", "zhou", '"}'];
    const seen = pieces.map((_, i) => partialArguments(pieces.slice(0, i + 1).join("")));
    expect(seen).toEqual([
      {},
      {},
      { city: "" },
      { city: "Hang" },
      { city: "Hangzhou" },
      { city: "Hangzhou" },
    ]);
  });

  it("where JSON.parse throws on every piece but the last", () => {
    const pieces = ['{"city":"Ha', 'ngzhou"}'];
    expect(() => JSON.parse(pieces[0] as string)).toThrow();
    expect(partialArguments(pieces[0] as string)).toEqual({ city: "Ha" });
  });
});
