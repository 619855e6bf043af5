// In Chromium, against a stand-in API (no Redis needed): what lesson 07's page shows a class
// around a kill. Which instance generates the reply (the one to kill for `interrupted`), that
// Continue is a new generation and not a resume, and that it all fits a projector.
import { createServer, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { describeInBrowser, freshPage, servePage, startServer } from "@workshop/testkit";
import { MIN_TEXT_PX, measureProjected } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { expect, it } from "vitest";
import { JOB_EVENTS } from "../src/protocol.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const PARTIAL = ["The ", "**answer** ", "so ", "far"];
const REST = [" and ", "the ", "rest."];

function stream(res: ServerResponse, servedBy: string, texts: string[], end: "interrupted" | "done"): void {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  res.write(`event: ${JOB_EVENTS.servedBy}\ndata: ${servedBy}\n\n`);
  for (const [seq, text] of texts.entries())
    res.write(`event: token\nid: ${seq}\ndata: ${JSON.stringify({ seq, text })}\n\n`);
  res.end(
    end === "done"
      ? `event: done\ndata: {"reason":"complete"}\n\n`
      : `event: ${JOB_EVENTS.interrupted}\ndata: {}\n\n`,
  );
}

const served = servePage(root, async () =>
  startServer(
    createServer((req, res) => {
      const json = (body: unknown, status = 200) =>
        res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
      if (req.url === "/api/instances")
        return json({
          instances: ["a", "b", "c"].map((name) => ({ name, up: true, connections: name === "a" ? 1 : 0 })),
        });
      if (req.method === "POST" && req.url === "/api/jobs") return json({ id: "job-1" }, 202);
      if (req.method === "POST" && req.url === "/api/jobs/job-1/continue") return json({ id: "job-2" }, 202);
      if (req.url === "/api/jobs/job-1") return json({ id: "job-1", owner: "b", done: false });
      if (req.url === "/api/jobs/job-2") return json({ id: "job-2", owner: "c", done: false });
      if (req.url === "/api/jobs/job-1/events") return stream(res, "a", PARTIAL, "interrupted");
      if (req.url === "/api/jobs/job-2/events") return stream(res, "c", REST, "done");
      json({ error: { code: "not_found", message: "no such route" } }, 404);
    }),
  ),
);

describeInBrowser("lesson 07's page around a kill", (browser) => {
  const page = freshPage(browser, () => `${served.site.url}?present`);
  const tile = (name: string) =>
    page.locator(".tile", { has: page.getByRole("button", { name: `Kill ${name}` }) });

  it("in Chinese (?lang=zh) the tiles, the interruption and Continue leave no label in English, and it fits 1280×720", async () => {
    const { lang, english, view } = await viewInChinese(page, served.site.url, {
      skip: ["#reply .generation"], // the answer's text: data, not labels
      act: async () => {
        await page.getByRole("button", { name: "提问" }).click();
        await page.getByText("中断：正在生成这个回答的实例挂了。").waitFor({ timeout: 10_000 });
        await page.getByRole("button", { name: "继续" }).click();
        await page.getByText("⟳ 由一次新的生成接着写：").waitFor({ timeout: 10_000 });
        await expect.poll(() => page.locator(".tile.generating").textContent()).toContain("正在生成这个回答");
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
  });

  it("the tile of the instance generating the reply says so: the one to kill for `interrupted`", async () => {
    await page.getByRole("button", { name: "Ask" }).click();
    await expect.poll(() => tile("b").textContent(), { timeout: 10_000 }).toContain("generating this reply");
    expect(await tile("a").textContent()).not.toContain("generating"); // a only serves the stream
  });

  it("Continue marks the new generation after the partial answer it keeps (each rendered as markdown), never one seamless answer", async () => {
    await page.getByRole("button", { name: "Ask" }).click();
    await page
      .getByRole("status")
      .getByText(/^interrupted/)
      .waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("status").getByText("done (complete)").waitFor({ timeout: 10_000 });
    // Two blocks, the marker between: the partial answer kept as it was, then the new generation's.
    const texts = await page.locator("#reply > *").allTextContents();
    expect(texts.map((text) => text.trim())).toEqual([
      "The answer so far", // markdown, rendered: **answer** is bold
      "⟳ continued by a new generation:",
      REST.join("").trim(),
    ]);
    await expect.poll(() => tile("c").textContent()).toContain("generating this reply");
    expect(await page.locator("#reply strong").textContent()).toBe("answer");
  });

  it("fits a 1280×720 projector: the instances, the question, the metrics and the reply without scrolling, none too small to read", async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole("button", { name: "Ask" }).click();
    await page
      .getByRole("status")
      .getByText(/^interrupted/)
      .waitFor({ timeout: 10_000 });
    const replyBottom = await page.evaluate(
      () => (document.getElementById("reply") as HTMLElement).getBoundingClientRect().bottom,
    );
    const { width, height, smallest } = await measureProjected(page);
    expect([width, height]).toEqual([1280, 720]);
    expect(replyBottom).toBeLessThanOrEqual(720);
    expect(smallest.px, `the smallest text: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });
});
