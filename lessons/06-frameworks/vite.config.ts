import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import vue from "@vitejs/plugin-vue";
import { lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig } from "vite";

// Two pages of one app: /react/ and /vue/. Model output is rendered, so the
// pages get lesson 04's Content-Security-Policy too.
const base = lessonViteConfig("06", { csp: true });
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  ...base,
  plugins: [...(base.plugins ?? []), react(), vue()],
  // Optimized once at start, not discovered on the first page load (which reloads the page).
  optimizeDeps: {
    include: [
      "react",
      "react-dom/client",
      "react/jsx-dev-runtime",
      "vue",
      "@tanstack/react-virtual",
      "@tanstack/vue-virtual",
      "@workshop/04-llm-chat > marked", // lesson 04 renders the answers: its dependencies, not 06's
      "@workshop/04-llm-chat > dompurify",
    ],
  },
  build: { rollupOptions: { input: [page("index.html"), page("react/index.html"), page("vue/index.html")] } },
});
