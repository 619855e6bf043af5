import { lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig } from "vite";

// Lesson 04 renders model output: its page gets a Content-Security-Policy.
export default defineConfig(lessonViteConfig("04", { csp: true }));
