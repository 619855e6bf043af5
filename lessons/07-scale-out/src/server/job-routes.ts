// A job's routes on any instance: start it here, ask who generates it, continue
// it after `interrupted`, cancel it wherever it runs, and read it (lesson 02's
// event stream, job-events-route.ts). All of them work on every instance,
// because the job lives in Redis, not in this process.
import type { JobCreated } from "@workshop/protocol";
import { clientAddress, HttpError, readPrompt } from "@workshop/server-kit";
import type { Express } from "express";
import { addJobEventsRoute } from "./job-events-route.ts";
import type { JobStreams } from "./job-streams.ts";

export function addJobRoutes(
  app: Express,
  jobs: JobStreams,
  settings: Parameters<typeof addJobEventsRoute>[2],
): void {
  app.post("/api/jobs", async (req, res) => {
    const id = await jobs.start(readPrompt(req.body), clientAddress(req));
    res
      .status(202)
      .location(`/api/jobs/${id}`)
      .json({ id } satisfies JobCreated);
  });
  const notFound = (id: string) => new HttpError(404, "job_not_found", `No job ${id}; it may have expired.`);
  app.get("/api/jobs/:id", async (req, res) => {
    const id = req.params.id;
    if (!(await jobs.exists(id))) throw notFound(id);
    const [owner, finished] = await Promise.all([jobs.owner(id), jobs.finishedWith(id)]);
    res.json({ id, owner: owner ?? null, done: finished !== undefined });
  });
  app.post("/api/jobs/:id/continue", async (req, res) => {
    const id = await jobs.continueJob(req.params.id, clientAddress(req));
    if (!id) throw notFound(req.params.id);
    res
      .status(202)
      .location(`/api/jobs/${id}`)
      .json({ id } satisfies JobCreated);
  });
  app.post("/api/jobs/:id/cancel", async (req, res) => {
    if (!(await jobs.exists(req.params.id))) throw notFound(req.params.id);
    await jobs.cancel(req.params.id);
    res.status(202).json({ cancelled: req.params.id });
  });
  addJobEventsRoute(app, jobs, settings);
}
