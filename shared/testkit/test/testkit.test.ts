import { createServer, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeResources,
  describeInBrowser,
  eventually,
  freshPage,
  type RunningServer,
  resourcesAddedSince,
  startServer,
} from "../src/index.ts";

describe("startServer", () => {
  it("listens on 127.0.0.1 with a port the OS picked", async () => {
    const running = await startServer(createServer((_req, res) => res.end("hello")));
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.port).toBeGreaterThan(0);
    expect(await (await fetch(running.url)).text()).toBe("hello");
    await running.close();
  });

  it("closes even while a response is still streaming, and leaves no socket or server behind", async () => {
    const before = activeResources();
    const running = await startServer(
      createServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.write("never ends");
      }),
    );
    const response = await fetch(running.url);
    const reader = response.body?.getReader();
    await reader?.read();
    await running.close();
    await reader?.cancel().catch(() => {});
    await eventually(() => Object.keys(resourcesAddedSince(before)).length === 0);
    expect(resourcesAddedSince(before)).toEqual({});
  });
});

describe("resourcesAddedSince", () => {
  it("sees a timer that was never cleared (the leak lesson tests look for)", () => {
    const before = activeResources();
    const timer = setInterval(() => {}, 1000);
    expect(resourcesAddedSince(before)).toEqual({ Timeout: 1 });
    clearInterval(timer);
    expect(resourcesAddedSince(before)).toEqual({});
  });
});

describeInBrowser("the test browser", (browser) => {
  it("renders a page served on loopback", async () => {
    const running = await startServer(
      createServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end("<!doctype html><title>ok</title><p id=msg>流式输出</p>");
      }),
    );
    const page = await browser().newPage();
    await page.goto(running.url);
    expect(await page.textContent("#msg")).toBe("流式输出");
    await page.close();
    await running.close();
  });
});

describeInBrowser("freshPage: one tab per file, left for about:blank after each test", (browser) => {
  // A page that holds a stream open, and a server that counts the streams it holds.
  const streams = new Set<ServerResponse>();
  let site: RunningServer;
  beforeAll(async () => {
    site = await startServer(
      createServer((req, res) => {
        if (req.url === "/stream") {
          res.writeHead(200, { "Content-Type": "text/event-stream" }).write(": open\n\n");
          streams.add(res);
          return void res.on("close", () => streams.delete(res));
        }
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end("<!doctype html><title>t</title><script>window.source = new EventSource('/stream')</script>");
      }),
    );
  });
  afterAll(() => site.close());
  const page = freshPage(browser, () => undefined); // these tests open the page themselves

  it("a test opens the page, which holds a stream open", async () => {
    await page.goto(site.url);
    await eventually(() => streams.size === 1);
    expect(streams.size).toBe(1);
    await page.evaluate(() => Object.assign(globalThis, { leftover: true }));
  });

  it("the next test finds that stream ended and the tab on about:blank, as if it had closed", async () => {
    await eventually(() => streams.size === 0);
    expect(streams.size).toBe(0);
    expect(page.url()).toBe("about:blank");
    expect(await page.evaluate(() => "leftover" in globalThis)).toBe(false);
  });
});
