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
  return within(outcome, 2000, "the handshake got no answer").finally(() => ws.terminate());
}

export default defineChecks({
  "a page from another site is refused with 403 before a socket exists": (code) =>
    withServer(code, { isAllowedOrigin }, async ({ url }) => {
      const outcome = await handshake(url, "https://evil.example");
      must(
        outcome === "403",
        `a handshake from https://evil.example got "${outcome}", not 403: a page on another site must be refused before a socket exists, or it can use your user's cookies`,
      );
    }),

  "the lesson's own page connects": (code) =>
    withServer(code, { isAllowedOrigin }, async ({ url }) => {
      const outcome = await handshake(url, PAGE);
      must(
        outcome === "open",
        `a handshake from ${PAGE}, an allowed origin, got "${outcome}", not "open": refuse only origins the allow-list rejects`,
      );
    }),

  "a client with no Origin (not a browser) connects": (code) =>
    withServer(code, { isAllowedOrigin }, async ({ url }) => {
      const outcome = await handshake(url);
      must(
        outcome === "open",
        `a handshake without Origin got "${outcome}", not "open": a client with no Origin is not a browser, let it through`,
      );
    }),
});
