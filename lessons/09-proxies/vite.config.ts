import { fileURLToPath } from "node:url";
import { lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig } from "vite";

// Two pages: the lesson's, and tab/ (the shared-stream panel alone, opened in many tabs).
// A build takes only the pages listed here.
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  ...lessonViteConfig("09"),
  build: { rollupOptions: { input: [page("index.html"), page("tab/index.html")] } },
});
