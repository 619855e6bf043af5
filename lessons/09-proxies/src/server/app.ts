// Lesson 09's server: starts the origins and nginx, and lists the paths.
// The page and the tests read GET /api/proxies, then talk to each path directly.
import { clientAddress, createLessonApp, type LessonServer, serveLesson } from "@workshop/server-kit";
import type { Request, Response } from "express";
import type { ProxyList } from "../protocol.ts";
import { type Proxies, startProxies } from "./proxies.ts";

export const LESSON = "09-proxies";

export async function createServer(
  options: Parameters<typeof startProxies>[0] = {},
): Promise<LessonServer & { proxies: Proxies }> {
  const proxies = await startProxies(options);
  const app = createLessonApp(LESSON, (app) => {
    app.get("/api/proxies", (_req, res) => {
      res.json({ paths: proxies.paths } satisfies ProxyList);
    });
    // The page starts a reply here (same origin, no CORS preflight), then reads
    // it through every path: they all front the same origin and its job store.
    // Its "Post a notice" button posts here too, for the shared stream's tabs.
    const toOrigin = (route: string) => async (req: Request, res: Response) => {
      const direct = proxies.paths.find((path) => path.name === "direct") as ProxyList["paths"][number];
      const answer = await fetch(`${direct.url}${route}`, {
        method: "POST",
        // The origin budgets running jobs per client: say who is asking, or every
        // client would share the budget of this one server's address.
        headers: { "Content-Type": "application/json", "X-Forwarded-For": clientAddress(req) },
        body: JSON.stringify(req.body ?? {}),
      });
      res
        .status(answer.status)
        .type("application/json")
        .send(await answer.text());
    };
    app.post("/api/jobs", toOrigin("/api/jobs"));
    app.post("/api/notifications", toOrigin("/api/notifications"));
  });
  return serveLesson({ app, proxies }, () => proxies.stop());
}
