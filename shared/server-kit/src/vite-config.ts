// Every lesson's vite.config.ts: the page on 51NN, /api proxied to the lesson
// server on 31NN, so the page and its API are same-origin (no CORS to explain
// before lesson 02 explains it).
import type { ProxyOptions, UserConfig } from "vite";
import { lessonHost, lessonPorts } from "./lesson-ports.ts";

// #region api-proxy
/**
 * The dev proxy to a lesson server. By default, when the server cuts a
 * streaming response mid-way, the proxy leaves the browser's side open and
 * silent, so EventSource never learns it should reconnect. Cutting the
 * browser's side too makes the dev setup behave like a real network drop.
 */
export function apiProxy(target: string): ProxyOptions {
  return {
    target,
    ws: true, // WebSocket upgrades too (lesson 03)
    configure(proxy) {
      proxy.on("proxyRes", (upstream, _req, res) => {
        upstream.on("close", () => {
          if (!upstream.complete) res.destroy();
        });
      });
    },
  };
}
// #endregion

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
      proxy: { "/api": apiProxy(target), "/ws": apiProxy(target) },
    },
    preview: { host, port: page, strictPort: true },
  };
}
