import { lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig } from "vite";

// Replies are rendered as markdown by lesson 04's renderer: its dependencies, prebundled, and
// lesson 04's Content-Security-Policy as the second layer behind its sanitizer.
const base = lessonViteConfig("07", { csp: true });

export default defineConfig({
  ...base,
  optimizeDeps: { include: ["@workshop/04-llm-chat > marked", "@workshop/04-llm-chat > dompurify"] },
});
