// A chat page served from another origin (app.example.com calling
// api.example.com). Its POST carries Content-Type: application/json, and often
// Authorization: neither is "CORS-safelisted" (Fetch §3.2.3), so before every
// such POST the browser sends an OPTIONS preflight (Fetch §4.8) and waits for
// the answer: one more round trip before the stream's first byte. This lesson's
// page avoids it by calling its BFF on its own origin, through Vite's proxy;
// when the API must live elsewhere, let the browser cache the preflight's answer
// with Access-Control-Max-Age (Chromium keeps it at most 2 hours).
import type { RequestHandler } from "express";

export interface CrossOriginChat {
  /** Page origins allowed to call /api/chat, exactly as the browser sends them. */
  origins: readonly string[];
  /** How long the browser may reuse a preflight's answer. 0: ask before every POST. */
  preflightMaxAgeSeconds: number;
}

// #region cross-origin-chat
export function allowCrossOriginChat(allowed: CrossOriginChat): RequestHandler {
  return (req, res, next) => {
    res.vary("Origin");
    const origin = req.get("Origin");
    // Same origin, or not on the list: no CORS headers (the browser keeps the answer from the page).
    if (!origin || !allowed.origins.includes(origin)) return next();
    res.set("Access-Control-Allow-Origin", origin);
    if (req.method !== "OPTIONS") return next(); // the POST itself: the chat route answers it
    res.set("Access-Control-Allow-Methods", "POST");
    res.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
    res.set("Access-Control-Max-Age", String(allowed.preflightMaxAgeSeconds));
    res.status(204).end();
  };
}
// #endregion
