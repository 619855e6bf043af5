// Every lesson's vite.config.ts: the page on 51NN, /api proxied to the lesson
// server on 31NN, so the page and its API are same-origin (no CORS to explain
// before lesson 02 explains it).
import { randomBytes } from "node:crypto";
import type { Plugin, ProxyOptions, UserConfig } from "vite";
import { lessonHost, lessonPorts } from "./lesson-ports.ts";
import { passDropsThrough } from "./pass-drops-through.ts";

/** The dev proxy to a lesson server: a dropped stream must look dropped to the page. */
export function apiProxy(target: string): ProxyOptions {
  return {
    target,
    ws: true, // WebSocket upgrades too (lesson 03)
    // X-Forwarded-For: the lesson server budgets per browser, not per proxy.
    xfwd: true,
    configure: (proxy) => passDropsThrough(proxy),
  };
}

/**
 * A Content-Security-Policy for a page that renders untrusted text (model
 * output), served by Vite in dev and by `vite preview` for a build. It is the
 * second line of defence behind the sanitizer: even markup that slipped
 * through cannot load an image from elsewhere (a leak through its URL), post
 * a form, or add a style sheet. Vite's own style tags carry a nonce, made
 * fresh each time the dev server starts (a build served elsewhere should
 * make one per response).
 */
export function contentSecurityPolicy(): Plugin {
  const nonce = randomBytes(16).toString("base64");
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'", // the API, same-origin through the proxy (and Vite's HMR socket)
    "form-action 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = { "Content-Security-Policy": policy };
  return {
    name: "workshop-content-security-policy",
    config: () => ({ html: { cspNonce: nonce }, server: { headers }, preview: { headers } }),
  };
}

export function lessonViteConfig(lessonNumber: string, { csp = false } = {}): UserConfig {
  const { api, page } = lessonPorts(lessonNumber);
  const host = lessonHost();
  const target = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${api}`;
  return {
    clearScreen: false,
    plugins: csp ? [contentSecurityPolicy()] : [],
    server: {
      host,
      port: page,
      strictPort: true,
      // Vite answers CORS for any localhost page by default, which would let
      // another page on this machine call /api/* through the proxy.
      cors: false,
      proxy: { "/api": apiProxy(target), "/ws": apiProxy(target) },
    },
    preview: { host, port: page, strictPort: true, cors: false },
  };
}
