// The start of the shared scenario in every job-based lesson:
// POST /api/jobs { prompt } → 202 { id } with Location, and the 404 for unknown ids.
import type { JobCreated } from "@workshop/protocol";
import type { Express } from "express";
import { clientAddress } from "./client-address.ts";
import { HttpError } from "./errors.ts";
import type { Job, JobStore } from "./job-store.ts";
import { readPrompt } from "./validate.ts";

export function addStartJobRoute(app: Express, jobs: JobStore): void {
  app.post("/api/jobs", (req, res) => {
    const job = jobs.start(readPrompt(req.body), clientAddress(req)); // 429 when over budget
    res
      .status(202)
      .location(`/api/jobs/${job.id}`)
      .json({ id: job.id } satisfies JobCreated);
  });
}

/** The job with this id, or a 404 `job_not_found`. */
export function findJob(jobs: JobStore, id: string): Job {
  const job = jobs.get(id);
  if (!job) throw new HttpError(404, "job_not_found", `No job ${id}; it may have expired.`);
  return job;
}
