// The HTTP/2 path's certificate is kept per user, so a browser that accepted it once
// (or a system that trusts it) keeps working after every restart of the lesson.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { certificateIn } from "../src/server/certificate.ts";

const folders: string[] = [];
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), "certificate-"));
  folders.push(made);
  return made;
};
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});
const certificateOf = (files: { cert: string }) => readFileSync(files.cert, "utf8");

describe("the HTTP/2 path's certificate", () => {
  it("is made once and kept: the next start (a new nginx folder) gets the very same one", () => {
    const cache = folder();
    const first = certificateIn(folder(), { cache });
    const second = certificateIn(folder(), { cache });
    expect(certificateOf(first)).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(readFileSync(first.key, "utf8")).toMatch(/^-----BEGIN (EC )?PRIVATE KEY-----/);
    expect(certificateOf(second)).toBe(certificateOf(first));
    expect([first.made, second.made], "only the first start makes one (and says so)").toEqual([true, false]);
    expect(readFileSync(join(cache, "localhost.crt"), "utf8")).toBe(certificateOf(first)); // the one to trust
  });

  it("is made anew when less than a day of it is left", () => {
    const cache = folder();
    const ending = certificateIn(folder(), { cache, days: 1 });
    const renewed = certificateIn(folder(), { cache });
    expect(certificateOf(renewed)).not.toBe(certificateOf(ending));
    expect(certificateOf(certificateIn(folder(), { cache }))).toBe(certificateOf(renewed));
  });
});
