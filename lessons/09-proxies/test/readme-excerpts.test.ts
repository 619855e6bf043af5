// The README's nginx excerpts are what ran: rendered from the same paths.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PATHS } from "../src/server/paths.ts";
import { markers, withExcerpts } from "../src/server/readme-excerpts.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README's nginx excerpts", () => {
  it("show every path that fixes or breaks something", () => {
    const missing = PATHS.filter((path) => !readme.includes(markers(path.name).start)).map((p) => p.name);
    expect(missing).toEqual([]);
  });

  it("equal the config nginx runs (run `pnpm --filter @workshop/09-proxies excerpts` after changing a path)", () => {
    expect(readme).toBe(withExcerpts(readme));
  });
});
