import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { decksPlugin } from "./src/decks-plugin.ts";
import { stubNoticePlugin } from "./src/stub-notice.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [decksPlugin({ decksDir: here("./decks"), repoRoot: here("..") }), stubNoticePlugin()],
  clearScreen: false,
  server: {
    host: process.env.HOST || "127.0.0.1",
    port: Number(process.env.SLIDES_PORT) || 5100,
    strictPort: true,
  },
  build: {
    rollupOptions: { input: { index: here("./index.html"), deck: here("./deck.html") } },
  },
});
