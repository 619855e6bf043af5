// The Express app every lesson starts from: JSON bodies with a size limit and
// a time limit, GET /api/health, and JSON errors for everything else (404,
// 405, 413, 408). A lesson adds its routes in `routes`.
import type { HealthBody } from "@workshop/protocol";
import express, { type Express } from "express";
import { BODY_TIMEOUT_MS, bodyTimeout, refuseOversizeBody } from "./body-guards.ts";
import { jsonErrors, notFound } from "./errors.ts";
import { methodNotAllowed } from "./method-not-allowed.ts";

/** Largest JSON body, in bytes. */
export const BODY_LIMIT = 16 * 1024;

export interface LessonAppOptions {
  bodyLimit?: number;
  /** A request body that has not fully arrived after this long gets 408. */
  bodyTimeoutMs?: number;
  /**
   * More for GET /api/health to report (lesson 06: generations running). `ok: false` in it
   * answers 503: the process is up, but something it needs is not.
   */
  health?: () => Record<string, unknown> & { ok?: boolean };
}

export function createLessonApp(
  lesson: string,
  routes: (app: Express) => void,
  { bodyLimit = BODY_LIMIT, bodyTimeoutMs = BODY_TIMEOUT_MS, health }: LessonAppOptions = {},
): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(refuseOversizeBody(bodyLimit), bodyTimeout(bodyTimeoutMs));
  app.use(express.json({ limit: bodyLimit }));
  app.get("/api/health", (_req, res) => {
    const body = { ok: true, ...health?.(), lesson } satisfies HealthBody;
    res.status(body.ok ? 200 : 503).json(body);
  });
  routes(app);
  app.use(methodNotAllowed(app), notFound);
  app.use(jsonErrors);
  return app;
}
