// Mode 2, short polling: start a job, then ask "anything new after N?" again
// and again. Every answer is immediate, often empty.
import { addStartJobRoute, findJob, type JobStore, readCount } from "@workshop/server-kit";
import type { Express, Response } from "express";
import { pollResponse, readCursor } from "./poll-response.ts";

/** Longest simulated server latency (?latency=ms), a demo knob for the overlap trap. */
export const MAX_LATENCY_MS = 5000;

export function addJobRoutes(app: Express, jobs: JobStore): void {
  addStartJobRoute(app, jobs);

  // #region short-poll
  app.get("/api/jobs/:id", async (req, res) => {
    const job = findJob(jobs, req.params.id);
    const cursor = readCursor(req.query.cursor, job);
    const latency = Math.min(readCount(req.query.latency, "latency", 0), MAX_LATENCY_MS);
    if (latency > 0 && !(await simulateLatency(latency, res))) return;
    res.json(pollResponse(job, cursor));
  });
  // #endregion
}

/** Waits like a slow server would; false if the client left meanwhile. */
function simulateLatency(ms: number, res: Response): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(true);
    }, ms);
    res.on("close", onClose);
  });
}
