import { lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig } from "vite";

export default defineConfig(lessonViteConfig("09"));
