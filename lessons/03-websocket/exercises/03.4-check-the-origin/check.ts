import { defineChecks, must, within } from "@workshop/exercises";
import WebSocket from "ws";
import { withServer } from "../with-server.ts";

const PAGE = "http://localhost:5103";
const isAllowedOrigin = (origin: string) => origin === PAGE;

/** The handshake's outcome: "open", or the HTTP status the server refused it with. */
function handshake(url: string, origin?: string): Promise<string> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`, origin ? { origin } : {});
  const outcome = new Promise<string>((resolve) => {
    ws.on("open", () => resolve("open"));
    ws.on("unexpected-response", (_req, res) => resolve(String(res.statusCode)));
    ws.on("error", () => resolve("error"));
  });
  return within(outcome, 2000, { en: "the handshake got no answer", zh: "握手没有得到任何回应" }).finally(
    () => ws.terminate(),
  );
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a page from another site is refused with 403 before a socket exists":
    "别的网站的页面在 socket 创建之前就被 403 拒绝",
  "the lesson's own page connects": "课程自己的页面能连上",
  "a client with no Origin (not a browser) connects": "不带 Origin 的客户端（不是浏览器）能连上",
};

export default defineChecks({
  "a page from another site is refused with 403 before a socket exists": (code) =>
    withServer(code, { isAllowedOrigin }, async ({ url }) => {
      const outcome = await handshake(url, "https://evil.example");
      must(outcome === "403", {
        en: `a handshake from https://evil.example got "${outcome}", not 403: a page on another site must be refused before a socket exists, or it can use your user's cookies`,
        zh: `来自 https://evil.example 的握手得到的是 "${outcome}"，不是 403：别的网站的页面必须在 socket 创建之前就被拒绝，否则它就能用上你的用户的 Cookie`,
      });
    }),

  "the lesson's own page connects": (code) =>
    withServer(code, { isAllowedOrigin }, async ({ url }) => {
      const outcome = await handshake(url, PAGE);
      must(outcome === "open", {
        en: `a handshake from ${PAGE}, an allowed origin, got "${outcome}", not "open": refuse only origins the allow-list rejects`,
        zh: `来自 ${PAGE}（允许的 origin）的握手得到的是 "${outcome}"，不是 "open"：只拒绝允许列表不接受的 origin`,
      });
    }),

  "a client with no Origin (not a browser) connects": (code) =>
    withServer(code, { isAllowedOrigin }, async ({ url }) => {
      const outcome = await handshake(url);
      must(outcome === "open", {
        en: `a handshake without Origin got "${outcome}", not "open": a client with no Origin is not a browser, let it through`,
        zh: `不带 Origin 的握手得到的是 "${outcome}"，不是 "open"：不带 Origin 的客户端不是浏览器，放它通过`,
      });
    }),
});
