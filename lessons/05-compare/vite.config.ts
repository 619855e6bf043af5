import { lessonPorts } from "@workshop/server-kit";
import { apiProxy, lessonViteConfig } from "@workshop/server-kit/vite";
import { defineConfig, mergeConfig } from "vite";

// /api and every station under /t go to lesson 05's server.
const target = `http://127.0.0.1:${lessonPorts("05").api}`;
export default defineConfig(
  mergeConfig(lessonViteConfig("05"), { server: { proxy: { "/t": apiProxy(target) } } }),
);
