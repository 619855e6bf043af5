// A known path with the wrong method gets 405 and an Allow header (RFC 9110
// §15.5.6), not a misleading 404 or Express's HTML page. OPTIONS gets 204
// with Allow and no CORS headers, so a cross-origin preflight is refused.
import type { Express, RequestHandler } from "express";
import { sendError } from "./errors.ts";

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

export function methodNotAllowed(app: Express): RequestHandler {
  return (req, res, next) => {
    const allowed = new Set<string>();
    for (const layer of (app.router as unknown as { stack: RouteLayer[] }).stack) {
      if (!layer.route || !layer.match(req.path)) continue;
      for (const method of Object.keys(layer.route.methods)) {
        if (method !== "_all") allowed.add(method.toUpperCase());
      }
    }
    if (allowed.size === 0) return next();
    if (allowed.has("GET")) allowed.add("HEAD");
    const allow = [...allowed].join(", ");
    res.set("Allow", allow);
    if (req.method === "OPTIONS") return res.status(204).end();
    sendError(res, 405, "method_not_allowed", `${req.method} is not allowed on ${req.path}; use ${allow}.`);
  };
}
