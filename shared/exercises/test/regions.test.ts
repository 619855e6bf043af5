import { describe, expect, it } from "vitest";
import { readRegion, replaceRegion } from "../src/regions.ts";

const FILE = [
  "const a = 1;",
  "// #region outer",
  "function f() {",
  "  // #region inner",
  "  return 1;",
  "  // #endregion",
  "}",
  "// #endregion",
  "const b = 2;",
].join("\n");

describe("regions", () => {
  it("reads a region's lines with its indentation, nested markers included", () => {
    expect(readRegion(FILE, "outer")).toBe(
      ["function f() {", "  // #region inner", "  return 1;", "  // #endregion", "}"].join("\n"),
    );
    expect(readRegion(FILE, "inner")).toBe("  return 1;");
  });

  it("replaces only the inner region, keeping the outer one's markers balanced", () => {
    const stubbed = replaceRegion(FILE, "inner", "  // 🐨 return the answer\n  return 0;\n");
    expect(readRegion(stubbed, "inner")).toBe("  // 🐨 return the answer\n  return 0;");
    expect(readRegion(stubbed, "outer")).toContain("return 0;");
    expect(stubbed.endsWith("// #endregion\nconst b = 2;")).toBe(true);
  });

  it("round-trips: putting a region's own text back gives the same file", () => {
    expect(replaceRegion(FILE, "outer", readRegion(FILE, "outer"))).toBe(FILE);
    expect(replaceRegion(FILE, "inner", readRegion(FILE, "inner"))).toBe(FILE);
  });

  it("can empty a region, and fill it again (an exercise that adds code starts empty)", () => {
    const empty = replaceRegion(FILE, "inner", "");
    expect(readRegion(empty, "inner")).toBe("");
    expect(readRegion(replaceRegion(empty, "inner", "  return 2;"), "inner")).toBe("  return 2;");
  });

  it("indents a stub written flush left like its #region line, and keeps an indented one as it is", () => {
    const flush = replaceRegion(FILE, "inner", "// 🐨 return it\nreturn 0;\n");
    expect(readRegion(flush, "inner")).toBe("  // 🐨 return it\n  return 0;");
    const indented = replaceRegion(FILE, "inner", "    return 1; // deeper on purpose");
    expect(readRegion(indented, "inner")).toBe("    return 1; // deeper on purpose");
  });

  it("names the file and region when a marker is missing", () => {
    expect(() => readRegion(FILE, "nope", "a.ts")).toThrow('a.ts: no "#region nope"');
    expect(() => readRegion("// #region x\nconst a = 1;", "x", "b.ts")).toThrow("has no #endregion");
  });
});
