// A lesson's page in a test: its own vite.config.ts, built once per test process
// and served on 127.0.0.1 with a port the OS picks, proxying /api (and /ws) to
// the test's server instead of 31NN.
//
// Built, not served by Vite's dev server: a dev page is dozens of modules, each
// transformed by the test process and compiled by Chromium on every load, which
// made page loads the largest share of the suite's CPU. The build is a
// development build (React's StrictMode double mount and Vue's warnings stay, as
// under `pnpm dev`), one bundle per page, and every later load of it is cheap.
// A build is reused until one of the files it was made from changes (an
// exercise's check in watch mode, a scratch copy written again).
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { apiProxy } from "@workshop/server-kit/vite";
import { build, preview, type ResolvedConfig } from "vite";

export interface RunningPage {
  url: string;
  close(): Promise<void>;
}

interface BuiltPage {
  outDir: string;
  /** Every file the build read, with the size and modification time it had. */
  sources: Map<string, string>;
  appType: ResolvedConfig["appType"];
  /** The config's preview headers: a Content-Security-Policy whose nonce the built HTML carries. */
  headers: ResolvedConfig["preview"]["headers"];
}

const builds = new Map<string, Promise<BuiltPage>>();

/**
 * Where Vite keeps its other caches for this root, one folder per test worker: a rebuild
 * replaces the worker's last build, so nothing piles up from run to run.
 */
const outDirOf = (root: string) =>
  join(root, "node_modules", ".vite", `test-page-${process.env.VITEST_POOL_ID ?? process.pid}`);

const stamp = (file: string) => {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.size}:${stats.mtimeMs}` : "gone";
};

async function upToDate(built: Promise<BuiltPage>): Promise<boolean> {
  const { sources } = await built;
  for (const [file, seen] of sources) if (stamp(file) !== seen) return false;
  return true;
}

async function buildPage(folder: string): Promise<BuiltPage> {
  const root = resolve(folder); // "lessons/01-polling/" and "lessons/01-polling" are one page: one build
  let built = builds.get(root);
  if (built && !(await upToDate(built).catch(() => false))) built = undefined;
  if (!built) {
    const outDir = outDirOf(root);
    built = (async () => {
      let resolved: ResolvedConfig | undefined;
      const sources = new Map<string, string>();
      await build({
        root,
        configFile: join(root, "vite.config.ts"),
        // The config imports a workspace package written in TypeScript: load it
        // through Vite's module runner instead of bundling it for plain Node.
        configLoader: "runner",
        logLevel: "error",
        mode: "development",
        define: { "process.env.NODE_ENV": JSON.stringify("development") },
        build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
        plugins: [
          {
            name: "workshop-remember-inputs",
            configResolved(config) {
              resolved = config;
            },
            buildEnd() {
              for (const id of this.getModuleIds()) {
                const [file = ""] = id.split("?");
                if (file.startsWith("/") && !file.includes("\0")) sources.set(file, stamp(file));
              }
            },
          },
        ],
      });
      if (!resolved) throw new Error(`vite did not resolve ${root}'s config`);
      return { outDir, sources, appType: resolved.appType, headers: resolved.preview.headers };
    })();
    builds.set(root, built);
    built.catch(() => builds.delete(root)); // a failed build is tried again by the next caller
  }
  return built;
}

/** `prefixes`: paths proxied to `apiUrl` besides /api and /ws (lesson 05 adds /t). */
export async function startPage(root: string, apiUrl: string, prefixes: string[] = []): Promise<RunningPage> {
  const page = await buildPage(root);
  const server = await preview({
    root,
    configFile: false,
    appType: page.appType,
    logLevel: "error",
    build: { outDir: page.outDir },
    preview: {
      host: "127.0.0.1",
      port: 0,
      strictPort: false,
      cors: false,
      headers: page.headers,
      proxy: Object.fromEntries(["/api", "/ws", ...prefixes].map((prefix) => [prefix, apiProxy(apiUrl)])),
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite did not report a URL");
  return { url, close: () => server.close() };
}
