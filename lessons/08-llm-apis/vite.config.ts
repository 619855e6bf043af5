import { lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig } from "vite";

// Lesson 08 renders model output: its page gets a Content-Security-Policy.
export default defineConfig(lessonViteConfig("08", { csp: true }));
