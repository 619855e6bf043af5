import { describe, expect, it } from "vitest";
import { formatBytes, formatMs, utf8Length } from "../src/index.ts";

describe("metric formatting", () => {
  it("shows milliseconds below a second and seconds above", () => {
    expect(formatMs(840.4)).toBe("840 ms");
    expect(formatMs(3210)).toBe("3.21 s");
    expect(formatMs(undefined)).toBe("–");
  });

  it("shows bytes as DevTools does (1 KB = 1000 B)", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(3400)).toBe("3.4 KB");
  });

  it("counts a Chinese character as three bytes, as the wire does", () => {
    expect(utf8Length("你好")).toBe(6);
  });
});
