// POST /api/debug/drop (development only): cut every open event stream
// without a clean end, like a flaky network would, so the class can watch
// EventSource reconnect and resume.

import type { ServerResponse } from "node:http";
import { requireDebugHeader } from "@workshop/server-kit";
import type { Express } from "express";

export function addDebugRoutes(app: Express, open: ReadonlySet<ServerResponse>): void {
  app.use("/api/debug", requireDebugHeader); // no other page can trigger it
  app.post("/api/debug/drop", (_req, res) => {
    const count = open.size;
    for (const stream of open) stream.destroy();
    res.json({ dropped: count });
  });
}
