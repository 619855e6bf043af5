// The Express app every lesson starts from: JSON bodies with a size limit,
// GET /api/health, and JSON errors. A lesson adds its routes in `routes`.
import type { HealthBody } from "@workshop/protocol";
import express, { type Express } from "express";
import { jsonErrors, notFound } from "./errors.ts";

export const BODY_LIMIT = "16kb";

export function createLessonApp(
  lesson: string,
  routes: (app: Express) => void,
  { bodyLimit = BODY_LIMIT }: { bodyLimit?: string } = {},
): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: bodyLimit }));
  app.get("/api/health", (_req, res) => {
    res.json({ ok: true, lesson } satisfies HealthBody);
  });
  routes(app);
  app.use("/api", notFound);
  app.use(jsonErrors);
  return app;
}
