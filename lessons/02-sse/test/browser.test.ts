// In Chromium: EventSource's own behavior (reconnecting, resuming, the
// connection limit) is the browser's, so it is tested in a browser.
import { fileURLToPath } from "node:url";
import { metricValue } from "@workshop/page-kit";
import { describeInBrowser, freshPage, type Page, servePage } from "@workshop/testkit";
import { MIN_TEXT_PX } from "@workshop/testkit/projector";
import { viewInChinese } from "@workshop/testkit/untranslated";
import { afterEach, expect, it } from "vitest";
import { STEADY, startLesson } from "./start.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const served = servePage(root, () => startLesson({ timing: STEADY, retryMs: 100 }));

const metric = async (page: Page, label: string) =>
  (await page.textContent(`#metrics ${metricValue(label)}`)) ?? "";

describeInBrowser("lesson 02's page", (browser) => {
  const page = freshPage(browser, () => served.site.url);

  it("in Chinese (?lang=zh) leaves no label in English, answers a Chinese question, fits 1280×720, and is remembered", async () => {
    const { lang, english, view } = await viewInChinese(page, served.site.url, {
      skip: ["#reply", "#log", "#notices", "#clock"], // data, not labels
      act: async () => {
        await page.getByRole("button", { name: "提问" }).click(); // the Chinese placeholder is the question
        // The mock's Chinese reply: the placeholder asked in Chinese.
        await page.waitForFunction(() =>
          /[\u4e00-\u9fff]/.test(document.querySelector("#reply")?.textContent ?? ""),
        );
        await page.goto(served.site.url); // no ?lang: the choice was kept
        await page.getByRole("button", { name: "断开连接" }).waitFor();
      },
    });
    expect({ lang, english }).toEqual({ lang: "zh-CN", english: [] });
    expect({ width: view.width, height: view.height }).toEqual({ width: 1280, height: 720 });
    expect(view.smallest.px, `the smallest text: "${view.smallest.text}"`).toBeGreaterThanOrEqual(
      MIN_TEXT_PX,
    );
    await page.goto(`${served.site.url}?lang=zh`);
    await page.getByRole("link", { name: "EN" }).click(); // the switch back
    await page.getByRole("button", { name: "Drop connection" }).waitFor();
  });
  afterEach(() => served.lesson.llm.release()); // a test that held the model and failed must not hold the next

  it("streams a reply over EventSource and closes the connection on done", async () => {
    const prompt = "为什么要流式输出？";
    await page.fill("#prompt", prompt);
    await page.click("#ask button[type=submit]");
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('#metrics dd[data-metric="Total time"]')?.textContent ?? ""),
    );
    expect(await page.textContent("#reply")).toBe(served.lesson.llm.replyTokens(prompt).join(""));
    expect(await page.textContent("#state")).toBe("CLOSED");
    expect(await metric(page, "Reconnections")).toBe("0");
  });

  it("after a dropped connection, reconnects by itself and finishes with the exact text", async () => {
    const prompt = "Why do LLM products stream?";
    const { llm } = served.lesson;
    // The model waits after 10 tokens until the drop is done: the drop lands mid-answer on any machine.
    llm.hold(10);
    await page.fill("#prompt", prompt);
    await page.click("#ask button[type=submit]");
    const first = llm.replyTokens(prompt).slice(0, 10).join("");
    await page.waitForFunction((text) => document.querySelector("#reply")?.textContent === text, first);
    await page.click("#drop");
    await page.getByText(/POST \/api\/debug\/drop: [1-9]\d* stream\(s\) cut/).waitFor();
    llm.release();
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('#metrics dd[data-metric="Total time"]')?.textContent ?? ""),
    );

    expect(await page.textContent("#reply")).toBe(served.lesson.llm.replyTokens(prompt).join(""));
    expect(Number(await metric(page, "Reconnections"))).toBeGreaterThanOrEqual(1);
    expect(await metric(page, "Duplicated tokens")).toBe("0");
  });

  it("the trap: [DONE] + res.end() makes EventSource reconnect and the reply starts over", async () => {
    await page.check("#tutorial");
    await page.fill("#prompt", "echo: once");
    await page.click("#ask button[type=submit]");
    // Twice at least: the trap keeps starting over, and a busy page may first look after the third.
    await page.waitForFunction(() =>
      /^(once){2,}$/.test(document.querySelector("#reply")?.textContent ?? ""),
    );
    expect(Number(await metric(page, "Reconnections"))).toBeGreaterThanOrEqual(1);
    await page.click("#stop");
  });

  it("opens a cross-origin EventSource only when the server allows the origin (CORS, withCredentials)", async () => {
    const pageOrigin = new URL(served.site.url).origin;
    const open = await startLesson({ corsOrigins: [pageOrigin] });
    try {
      const outcome = (url: string) =>
        page.evaluate(
          (url) =>
            new Promise<string>((resolve) => {
              const source = new EventSource(url, { withCredentials: true });
              source.onopen = () => resolve("open");
              source.onerror = () =>
                resolve(source.readyState === EventSource.CLOSED ? "blocked" : "retrying");
              setTimeout(() => source.close(), 5000);
            }),
          url,
        );
      expect(await outcome(`${served.lesson.url}/api/clock`)).toBe("blocked"); // other origin, no CORS headers
      expect(await outcome(`${open.url}/api/clock`)).toBe("open"); // same request, origin allowed
    } finally {
      await open.close();
    }
  });

  it("has no reconnectTime property: the server's retry: field sets the delay", async () => {
    const props = await page.evaluate(() => Object.getOwnPropertyNames(EventSource.prototype).sort());
    expect(props).toEqual(expect.arrayContaining(["close", "readyState", "url", "withCredentials"]));
    expect(props).not.toContain("reconnectTime");
    expect(props).not.toContain("retry");
  });

  it("lets only 6 EventSource connections per origin be open at once over HTTP/1.1", async () => {
    await page.goto(`${served.site.url}api/health`); // same origin, no page script holding a connection
    const result = await page.evaluate(async () => {
      const sources = Array.from({ length: 7 }, () => new EventSource("/api/clock"));
      const opened = (source: EventSource) =>
        new Promise<void>((resolve) => source.addEventListener("open", () => resolve(), { once: true }));
      await Promise.all(sources.slice(0, 6).map(opened));
      const seventhWhileSixOpen = sources[6]?.readyState;
      sources[0]?.close(); // free one slot...
      await opened(sources[6] as EventSource); // ...and the seventh gets through
      const seventhAfter = sources[6]?.readyState;
      for (const source of sources) source.close();
      return { seventhWhileSixOpen, seventhAfter };
    });
    expect(result).toEqual({ seventhWhileSixOpen: 0, seventhAfter: 1 }); // CONNECTING, then OPEN
  });
});
