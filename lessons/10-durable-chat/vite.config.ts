import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig } from "vite";

// Two pages: the hand-written client (/) and the AI SDK's useChat (/ai-sdk/). Model output
// is shown as text, and the pages get lesson 04's Content-Security-Policy as a second layer.
const base = lessonViteConfig("10", { csp: true });
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  ...base,
  plugins: [...(base.plugins ?? []), react()],
  // Optimized once at start, not discovered on the first page load (which reloads the page).
  optimizeDeps: { include: ["react", "react-dom/client", "react/jsx-dev-runtime", "@ai-sdk/react", "ai"] },
  build: { rollupOptions: { input: [page("index.html"), page("ai-sdk/index.html")] } },
});
