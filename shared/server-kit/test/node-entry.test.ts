// Lesson 07 starts its instances from a bundle run by plain `node` (node-entry.ts). These
// tests run real bundles as real processes: what an instance needs still loads, a crash still
// points at the TypeScript, and an edit is never missed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { nodeArgsFor } from "../src/node-entry.ts";
import { ownedTempDir } from "../src/owned-temp-dir.ts";

const fixture = fileURLToPath(new URL("./fixtures/bundled-entry.ts", import.meta.url));
const tempPackage = () => {
  const dir = ownedTempDir("node-entry-test-");
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "package.json"), "{}");
  return dir;
};
const runNode = (args: string[]) => spawnSync(process.execPath, args, { encoding: "utf8", timeout: 15_000 });

describe("a TypeScript entry run by plain node", () => {
  it("runs with the workspace's TypeScript packages bundled and npm packages loaded from where pnpm put them", async () => {
    const args = await nodeArgsFor(fixture);
    expect(args.join(" ")).not.toMatch(/tsx/);
    const bundle = readFileSync(args.at(-1) as string, "utf8");
    expect(bundle).toContain("function encodeEvent("); // the workspace package, bundled
    expect(bundle).toMatch(/from "file:\/\/[^"]*\/node_modules\/[^"]*\/express\//); // express, left installed
    const run = runNode(args);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ sse: "event: ok\ndata: bundled\n\n", express: "function" });
  });

  it("reports a crash at the .ts file and line it came from (source maps on)", async () => {
    const run = runNode([...(await nodeArgsFor(fixture)), "--throw"]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("thrown on purpose");
    expect(run.stderr).toContain(`${fixture}:8`); // the file itself, where an editor can open it
  });

  it("builds again after an edit, and starts that come together share one build", async () => {
    const dir = tempPackage();
    const entry = join(dir, "entry.ts");
    writeFileSync(entry, 'console.log("first");\n');
    const [a, b] = await Promise.all([nodeArgsFor(entry), nodeArgsFor(entry)]);
    expect(b).toBe(a); // one promise: one build
    writeFileSync(entry, 'console.log("edited");\n');
    const after = await nodeArgsFor(entry);
    expect(after).not.toEqual(a);
    expect(runNode(a).stdout).toBe("first\n"); // a process started earlier keeps its bundle
    expect(runNode(after).stdout).toBe("edited\n");
  });

  it("refuses code that does not compile, naming the file and line, instead of starting it", async () => {
    const entry = join(tempPackage(), "entry.ts");
    writeFileSync(entry, 'console.log("fine");\nconst broken = ;\n');
    await expect(nodeArgsFor(entry)).rejects.toThrow(/entry\.ts:2:\d+: ERROR/);
  });

  it("keeps its folder bounded: a bundle unused for an hour goes when a new one is written", async () => {
    const dir = tempPackage();
    const entry = join(dir, "entry.ts");
    writeFileSync(entry, "console.log(1);\n");
    const old = (await nodeArgsFor(entry)).at(-1) as string;
    const recent = join(dir, "node_modules", ".cache", "node-entry", "entry-recent.mjs");
    writeFileSync(recent, "");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    await nodeArgsFor(entry); // used again: its hour starts over
    expect(statSync(old).mtimeMs).toBeGreaterThan(twoHoursAgo.getTime() + 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    writeFileSync(entry, "console.log(2);\n");
    const fresh = (await nodeArgsFor(entry)).at(-1) as string;
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(join(dir, "node_modules", ".cache", "node-entry")).sort()).toEqual(
      ["entry-recent.mjs", fresh.split("/").pop()].sort(),
    );
  });
});
