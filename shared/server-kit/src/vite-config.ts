// Every lesson's vite.config.ts: the page on 51NN, /api proxied to the lesson
// server on 31NN, so the page and its API are same-origin (no CORS to explain
// before lesson 02 explains it).
import type { UserConfig } from "vite";
import { lessonHost, lessonPorts } from "./lesson-ports.ts";

export function lessonViteConfig(lessonNumber: string): UserConfig {
  const { api, page } = lessonPorts(lessonNumber);
  const host = lessonHost();
  const target = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${api}`;
  return {
    clearScreen: false,
    server: {
      host,
      port: page,
      strictPort: true,
      // ws: true carries WebSocket upgrades too (lesson 03).
      proxy: { "/api": { target, ws: true }, "/ws": { target, ws: true } },
    },
    preview: { host, port: page, strictPort: true },
  };
}
