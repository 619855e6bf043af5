// SSE is plain HTTP, so cross-origin EventSource follows CORS like fetch does.
// Off by default (the page is same-origin through Vite's proxy); the test
// turns it on to show `new EventSource(url, { withCredentials: true })` work
// from another origin. Never answer `*` when credentials are involved.
import type { RequestHandler } from "express";

export function allowOrigins(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get("Origin");
    res.vary("Origin");
    if (origin && origins.includes(origin)) {
      res.set("Access-Control-Allow-Origin", origin);
      res.set("Access-Control-Allow-Credentials", "true");
    }
    next();
  };
}
