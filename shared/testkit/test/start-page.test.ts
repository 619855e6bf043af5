// startPage builds a lesson's page once and serves the build: the next call reuses it,
// unless a file it was built from changed (an exercise's check in watch mode).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startPage } from "../src/start-page.ts";
import { startServer } from "../src/start-server.ts";

const root = mkdtempSync(join(tmpdir(), "start-page-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, "vite.config.ts"), "export default {};\n");
writeFileSync(join(root, "index.html"), '<!doctype html><script type="module" src="./main.ts"></script>\n');
const writeMain = (text: string) =>
  writeFileSync(join(root, "main.ts"), `document.title = ${JSON.stringify(text)};\n`);

/** The built script the page's HTML points at. */
async function scriptOf(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const src = html.match(/src="\/?([^"]+\.js)"/)?.[1];
  expect(src, "the built page loads one script").toBeTruthy();
  return (await fetch(new URL(src as string, url))).text();
}

describe("startPage", () => {
  it("serves the built page, reuses the build while its files are unchanged, and builds again once one changes", async () => {
    const { createServer } = await import("node:http");
    const api = await startServer(createServer((_req, res) => res.end("from the api")));
    writeMain("first");
    const first = await startPage(root, api.url);
    const second = await startPage(root, api.url);
    try {
      expect(await scriptOf(first.url)).toContain('"first"');
      expect(await (await fetch(`${first.url}api/anything`)).text(), "/api goes to the test's server").toBe(
        "from the api",
      );
      const reused = await scriptOf(second.url);
      expect(reused).toContain('"first"');
      writeMain("second");
      const third = await startPage(root, api.url);
      try {
        expect(await scriptOf(third.url)).toContain('"second"');
      } finally {
        await third.close();
      }
    } finally {
      await first.close();
      await second.close();
      await api.close();
    }
  });
});
