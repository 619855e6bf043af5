import { describe, expect, it } from "vitest";
import { expandIncludes, extractRegion } from "../src/include-regions.ts";

const source = `import x from "y";

export function outer() {
  // #region inner
  const a = 1;
  return a;
  // #endregion
}
`;

describe("slide code comes from the lessons' real files", () => {
  it("extracts the lines between #region and #endregion, dedented", () => {
    expect(extractRegion(source, "inner")).toBe("const a = 1;\nreturn a;");
  });

  it("shows a region whole when an exercise marks a smaller region inside it, without the inner markers", () => {
    const nested =
      "// #region outer\nconst a = 1;\n// #region exercise\nconst b = 2;\n// #endregion\nconst c = 3;\n// #endregion\n";
    expect(extractRegion(nested, "outer")).toBe("const a = 1;\nconst b = 2;\nconst c = 3;");
    expect(extractRegion(nested, "exercise")).toBe("const b = 2;");
  });

  it("turns a <<< path#region line into a fenced code block in the file's language", () => {
    const markdown = "## Slide\n\n<<< lessons/x/src/a.ts#inner\n\nafter";
    expect(expandIncludes(markdown, () => source)).toBe(
      "## Slide\n\n```ts\nconst a = 1;\nreturn a;\n```\n\nafter",
    );
  });

  it("fails on a region that does not exist, so slides cannot drift from code", () => {
    expect(() => expandIncludes("<<< a.ts#renamed", () => source)).toThrow(/no "#region renamed"/);
  });

  it("fails on a file that does not exist", () => {
    expect(() =>
      expandIncludes("<<< gone.ts#inner", () => {
        throw new Error("ENOENT");
      }),
    ).toThrow(/cannot read gone.ts/);
  });
});

describe("a long region is walked a few lines at a time", () => {
  it("turns `<<< path#region [1-2|3]` into a fence with reveal.js's line-highlight steps", () => {
    const markdown = "<<< lessons/x/src/a.ts#inner [1|2]";
    expect(expandIncludes(markdown, () => source)).toBe("```ts [1|2]\nconst a = 1;\nreturn a;\n```");
  });
});
