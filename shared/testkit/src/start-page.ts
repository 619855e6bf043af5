// A lesson's page in a test: its own vite.config.ts, on 127.0.0.1 with a port
// the OS picks, proxying /api (and /ws) to the test's server instead of 31NN.
import { join } from "node:path";
import { apiProxy } from "@workshop/server-kit/vite";
import { createServer } from "vite";

export interface RunningPage {
  url: string;
  close(): Promise<void>;
}

/** `prefixes`: paths proxied to `apiUrl` besides /api and /ws (lesson 05 adds /t). */
export async function startPage(
  root: string,
  apiUrl: string,
  prefixes: string[] = [],
  /** Where Vite keeps its optimized dependencies; default: the root's node_modules/.vite. */
  cacheDir?: string,
): Promise<RunningPage> {
  const vite = await createServer({
    root,
    configFile: join(root, "vite.config.ts"),
    ...(cacheDir ? { cacheDir } : {}),
    // The config imports a workspace package written in TypeScript: load it
    // through Vite's module runner instead of bundling it for plain Node.
    configLoader: "runner",
    logLevel: "error",
    server: {
      host: "127.0.0.1",
      port: 0,
      strictPort: false,
      hmr: false,
      watch: null,
      proxy: Object.fromEntries(["/api", "/ws", ...prefixes].map((prefix) => [prefix, apiProxy(apiUrl)])),
    },
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0];
  if (!url) throw new Error("vite did not report a URL");
  return { url, close: () => vite.close() };
}
