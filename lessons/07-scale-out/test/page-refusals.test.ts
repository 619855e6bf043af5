// In Chromium, against a stand-in API: what lesson 07's page says when the server refuses.
// EventSource reconnects a dropped stream by itself, but gives up for good on a 429 or a 5xx;
// a page that keeps saying "reconnecting…" then waits for ever. No Redis needed: the stand-in
// answers as the lesson would with Redis down or a budget spent.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { describeInBrowser, freshPage, servePage, startServer } from "@workshop/testkit";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const error = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/** How the stand-in answers POST /api/jobs: refused (503), or a job whose stream is refused (429). */
let startAnswer: "refused" | "stream-refused" = "refused";
const requested: string[] = [];

const served = servePage(root, async () =>
  startServer(
    createServer((req, res) => {
      requested.push(`${req.method} ${req.url}`);
      res.setHeader("Content-Type", "application/json");
      if (req.url === "/api/instances") return res.end(JSON.stringify({ instances: [] }));
      if (req.method === "POST" && req.url === "/api/jobs") {
        if (startAnswer === "refused")
          return res.writeHead(503).end(error("redis_unavailable", "Redis does not answer"));
        return res.writeHead(202).end(JSON.stringify({ id: "job-1" }));
      }
      if (req.url === "/api/jobs/job-1/events")
        return res.writeHead(429).end(error("too_many_streams", "too many streams"));
      res.writeHead(404).end(error("not_found", "no such route"));
    }),
  ),
);

describeInBrowser("lesson 07's page when the server refuses", (browser) => {
  const page = freshPage(browser, () => served.site.url);
  const status = () => page.getByRole("status");

  it("a refused start shows the server's reason, and no stream is opened for a job that does not exist", async () => {
    startAnswer = "refused";
    requested.length = 0;
    await page.getByRole("button", { name: "Ask" }).click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain("Redis does not answer");
    expect(requested.filter((line) => line.includes("/events"))).toEqual([]);
  });

  it("a stream EventSource gave up on (429) says failed, not reconnecting…", async () => {
    startAnswer = "stream-refused";
    await page.getByRole("button", { name: "Ask" }).click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/^failed: .*gave up/);
    expect(await status().getAttribute("class")).toContain("error");
  });
});
