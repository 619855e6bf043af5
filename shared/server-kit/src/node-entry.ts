// A TypeScript entry as one JavaScript file that plain `node` runs, for a process started
// many times (lesson 07's instances: three at every start, more in its tests). Under
// `--import tsx`, each process loads the TypeScript loader and compiles every module again:
// 1.05 s of CPU a start instead of 0.6 s, on the path to the lesson's first page. The
// bundle is built once per start from the sources as they are now (an exercise may have
// just changed them), in ~25 ms, and run with source maps, so stack traces still name the
// .ts files and lines.
import { createHash, randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

// The workspace's own packages are TypeScript sources and go into the bundle; npm packages
// stay where pnpm installed them and are imported from there by absolute URL (an npm
// package a workspace package depends on need not be visible from the entry's folder).
const npmPackagesStayInstalled: Plugin = {
  name: "npm-packages-stay-installed",
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, async ({ path, kind, resolveDir, pluginData }) => {
      if (pluginData === "resolving") return undefined; // our own resolve() below, not a second pass
      const found = await bundle.resolve(path, { kind, resolveDir, pluginData: "resolving" });
      if (found.errors.length > 0 || found.external) return found;
      if (!found.path.includes(`${sep}node_modules${sep}`)) return found;
      return { path: pathToFileURL(found.path).href, external: true };
    });
  },
};

const building = new Map<string, Promise<string[]>>();

/**
 * `node` arguments that run `entry` (a .ts file) without a TypeScript loader. Starts that
 * come together (lesson 07's three instances) share one build; a later start builds again.
 */
export function nodeArgsFor(entry: string): Promise<string[]> {
  let args = building.get(entry);
  if (!args) {
    args = bundle(entry).finally(() => building.delete(entry));
    building.set(entry, args);
  }
  return args;
}

async function bundle(entry: string): Promise<string[]> {
  const dir = join(packageRoot(entry), "node_modules", ".cache", "node-entry");
  const { outputFiles } = await build({
    entryPoints: [entry],
    outdir: dir, // the source map's paths are relative to it: a stack trace names the real .ts file
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "inline",
    write: false,
    logLevel: "silent",
    plugins: [npmPackagesStayInstalled],
  });
  const code = outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild gave no output for ${entry}`);
  // Named by content: a process starting from an older bundle never sees it rewritten.
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 12);
  const name = basename(entry, ".ts");
  const file = join(dir, `${name}-${hash}.mjs`);
  if (existsSync(file)) {
    const now = new Date();
    utimesSync(file, now, now); // its age is the time since it was last used, see below
  } else {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}-${randomUUID()}.partial`; // one writer per name
    writeFileSync(partial, code);
    renameSync(partial, file);
    forgetOlderBundles(dir, name, file);
  }
  return ["--enable-source-maps", file];
}

// Every edit makes a new bundle; one unused for an hour has long been loaded by the processes
// it was built for, so the folder holds at most an hour of edits.
const KEEP_MS = 60 * 60 * 1000;
function forgetOlderBundles(dir: string, name: string, kept: string): void {
  for (const other of readdirSync(dir)) {
    const path = join(dir, other);
    if (path === kept || !other.startsWith(`${name}-`)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    } catch {
      // another process removed it first
    }
  }
}

function packageRoot(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  return dirname(file);
}
