// In Chromium: the six-connections-per-origin limit of HTTP/1.1, HTTP/2 lifting
// it, and the workaround without HTTP/2 (one SharedWorker stream for every tab).
import { fileURLToPath } from "node:url";
import { findNginx, HOW_TO_GET_NGINX } from "@workshop/server-kit/private-nginx";
import { describeInBrowser, freshPage, type Page, postJson, servePage, startLesson } from "@workshop/testkit";
import { MIN_TEXT_PX, measureProjected } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { describe, expect, it } from "vitest";
import type { ProxyList } from "../src/protocol.ts";
import { createServer } from "../src/server/app.ts";
import { TIMING } from "./with-proxies.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Boolean(findNginx()) || process.env.CI === "true";
if (!runs) console.warn(`[nginx tests skipped] lesson 09's page: ${HOW_TO_GET_NGINX}`);

describe.runIf(runs)("lesson 09 in Chromium", () => {
  const served = servePage(root, async () => startLesson(await createServer({ timing: TIMING })));
  const pathUrl = (name: string) => served.lesson.proxies.paths.find((p) => p.name === name)?.url ?? "";

  /** Opens `count` EventSources to the clock of the page's own origin; returns how many are open. */
  const openClocks = (page: Page, count: number) =>
    page.evaluate((count) => {
      const sources = Array.from({ length: count }, () => new EventSource("/api/clock"));
      Object.assign(window, { sources });
    }, count);
  const openCount = (page: Page) =>
    page.evaluate(
      () =>
        (window as unknown as { sources: EventSource[] }).sources.filter(
          (s) => s.readyState === EventSource.OPEN,
        ).length,
    );

  describeInBrowser(
    "connections per origin",
    (browser) => {
      const page = freshPage(browser, () => undefined); // each test opens the origin it needs

      it("the page races one reply through every path: first tokens show as they come, and only gzip without the hint arrives all at once; filled, it fits a projector", async () => {
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.goto(served.site.url);
        await page.getByRole("button", { name: "Run every path" }).click();
        const row = (name: string) =>
          page.locator("#paths tr", { has: page.locator("code", { hasText: name }) });
        const cells = async (name: string) => row(name).locator("td").allTextContents();
        // Live: the direct path's first token is on the page while its reply is still going.
        let direct: string[] = []; // what the row said last: the failure's message
        await expect
          .poll(
            async () => {
              direct = await cells("direct");
              const [, , first, , verdict] = direct;
              return first !== "–" && verdict === "…";
            },
            { timeout: 10_000 },
          )
          .toBe(true)
          .catch((cause: Error) => {
            const last = direct.join(" | ");
            throw new Error(`the direct row never showed a first token mid-reply; last: ${last}`, { cause });
          });
        const lumped = new Set(["gzip", "two-layers"]);
        for (const path of served.lesson.proxies.paths.filter((p) => p.name !== "idle-quiet")) {
          const name = path.http2 ? `${path.name} (HTTP/2)` : path.name;
          await expect.poll(async () => (await cells(name))[4], { timeout: 10_000 }).not.toBe("…");
          expect((await cells(name))[4], name).toBe(
            lumped.has(path.name) ? "✗ all at once, at the end" : "✓ token by token",
          );
        }
        if (process.env.SCREENSHOTS)
          await page.screenshot({ path: `${process.env.SCREENSHOTS}/09-proxies.png`, fullPage: true });
        const { width, height, smallest } = await measureProjected(page);
        expect([width, height], "the page scrolls on a 1280×720 projector").toEqual([1280, 720]);
        expect(smallest.px, `the smallest text: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      });

      it("in Chinese (?lang=zh) the race's notes and verdicts and the three demos' metrics (and tab/) leave no label in English, and it fits 1280×720", async () => {
        const { lang, english, view } = await viewInChinese(page, served.site.url, {
          skip: ['a[href="/tab/"]'], // the link's text is the address /tab/, not a label
          act: async () => {
            await page.getByRole("button", { name: "跑遍所有路径" }).click();
            const verdicts = () => page.locator("#paths td:nth-child(5)").allTextContents();
            await expect
              .poll(async () => (await verdicts()).every((v) => v.startsWith("✓") || v.startsWith("✗")), {
                timeout: 10_000,
              })
              .toBe(true);
            expect(await verdicts()).toContain("✗ 在最后一次性到达");
            await page.getByRole("button", { name: "两条都打开" }).click();
            await page.getByRole("button", { name: "打开七条" }).click();
            await page.getByRole("button", { name: "加入" }).click();
            await page.getByText("无心跳：重连次数").waitFor();
            await page.getByText("http2：已打开").waitFor();
            await page.getByText("收到的通知").waitFor();
          },
        });
        expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
        expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
        expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
          MIN_TEXT_PX,
        );
        // tab/, the shared stream's page to open many times, in Chinese too.
        const tab = await viewInChinese(page, `${served.site.url}tab/`, {
          act: () => page.locator('[data-metric="收到的通知"]').waitFor(),
        });
        expect({ lang: tab.lang, english: tab.english }).toEqual({ lang: "zh-CN", english: [] });
      });

      it("over HTTP/1.1 the 7th EventSource to one origin waits until one of the six closes", async () => {
        await page.goto(`${pathUrl("direct")}/api/health`); // a document on the origin itself
        await openClocks(page, 7);
        await expect.poll(() => openCount(page), { timeout: 10_000 }).toBe(6);
        expect(
          await page.evaluate(() => (window as unknown as { sources: EventSource[] }).sources[6]?.readyState),
        ).toBe(0); // CONNECTING
        await page.evaluate(() => (window as unknown as { sources: EventSource[] }).sources[0]?.close());
        await expect.poll(() => openCount(page), { timeout: 10_000 }).toBe(6); // the 7th took the freed connection
        expect(
          await page.evaluate(() => (window as unknown as { sources: EventSource[] }).sources[6]?.readyState),
        ).toBe(1); // OPEN
      });

      it("over HTTP/2 (nginx, TLS) all seven are open at once, on one connection", async () => {
        await page.goto(`${pathUrl("http2")}/api/health`);
        await openClocks(page, 7);
        await expect.poll(() => openCount(page), { timeout: 10_000 }).toBe(7);
        const protocol = await page.evaluate(
          () =>
            (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).nextHopProtocol,
        );
        expect(protocol).toBe("h2");
      });

      // A hang guard longer than the suite's 15 s: seven tabs take that long on a machine with one busy core.
      it("without HTTP/2, a SharedWorker gives every tab (seven here) the same single stream", {
        timeout: 30_000,
      }, async () => {
        const context = await browser().newContext(); // tabs of one browser profile share a worker
        // The lesson's page joins with its button (clicked while it is the tab in front);
        // six more tabs open tab/, which joins on load: seven, one past six.
        const lessonPage = await context.newPage();
        await lessonPage.goto(served.site.url);
        await lessonPage.getByRole("button", { name: "Join" }).click();
        const tabs = [
          lessonPage,
          ...(await Promise.all(
            Array.from({ length: 6 }, async () => {
              const tab = await context.newPage();
              await tab.goto(`${served.site.url}tab/`);
              return tab;
            }),
          )),
        ];
        // The origin counts ONE listener (its presence event), though seven tabs listen.
        for (const tab of tabs)
          await expect
            .poll(() => tab.locator('[data-metric="streams the server counts"]').textContent(), {
              timeout: 10_000,
            })
            .toBe("1");
        await tabs[6]?.getByRole("button", { name: "Post a notice" }).click(); // the last tab's own button
        for (const tab of tabs)
          await expect
            .poll(() => tab.locator('[data-metric="notices heard"]').textContent(), { timeout: 10_000 })
            .toBe("1");
        await context.close();
      });
    },
    { args: ["--ignore-certificate-errors"] }, // the HTTP/2 path's certificate is self-signed, made at start
  );

  it("lists every path at GET /api/proxies, with what it stands for", async () => {
    const { paths } = (await (await fetch(`${served.lesson.url}/api/proxies`)).json()) as ProxyList;
    expect(paths.map((p) => p.name)).toContain("two-layers");
    expect(paths.every((p) => p.url.startsWith(p.http2 ? "https://" : "http://") && p.note.length > 20)).toBe(
      true,
    );
  });

  it("POST /api/jobs passes on who is asking: the origin's per-client budget (4 running) is each client's own", async () => {
    // A 300-token reply at 20 ms a token: every job is still running when the last request lands.
    const prompt = `echo: ${Array.from({ length: 300 }, (_, i) => `w${i}`).join(" ")}`;
    const start = (address: string) =>
      postJson(
        `${served.lesson.url}/api/jobs`,
        { prompt },
        { headers: { "Content-Type": "application/json", "X-Forwarded-For": address } },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await start("10.0.0.1")).status);
    statuses.push((await start("10.0.0.2")).status);
    expect(statuses).toEqual([202, 202, 202, 202, 429, 202]);
  });
});
