/// <reference lib="dom" />
// What a Chinese page (?lang=zh) still says in English: every visible text outside
// code and the page's data areas, its title, and every placeholder and accessible name, that
// has no Chinese character and is not one of the names kept as they are
// (EventSource, DevTools, token…). Empty when the page is translated.
import type { Page } from "playwright-core";
import { measureProjected, type ProjectedView } from "./projector.ts";

/** Names a Chinese developer reads in English too: APIs, tools, states, units. */
export const KEPT_IN_ENGLISH = [
  "EventSource",
  "EventStream",
  "WebSocket",
  "React",
  "Vue",
  "DevTools",
  "Network",
  "Last-Event-ID",
  "SSE",
  "LLM",
  "API",
  "HTTP",
  "JSON",
  "token",
  "tokens",
  "CLOSED",
  "OPEN",
  "CONNECTING",
  "EN",
  "ms",
  "KB",
  "MB",
  "KiB",
  "MiB",
];

/** `skip`: selectors of areas that show data (a reply, a log), not labels. */
export function untranslated(page: Page, skip: string[] = []): Promise<string[]> {
  return page.evaluate(
    ([skipSelector, kept]) => {
      const found: string[] = [];
      const english = (text: string) => {
        if (/[\u3400-\u9fff]/.test(text)) return false;
        const rest = text.replace(new RegExp(`\\b(${kept.join("|")})\\b`, "g"), "");
        return /[A-Za-z]{2,}/.test(rest);
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? "";
        const element = node.parentElement;
        if (!text || !element || element.closest(`code, pre, script, style${skipSelector}`)) continue;
        if (!element.checkVisibility()) continue;
        if (english(text)) found.push(text);
      }
      // The tab's title: what a projected browser shows above the page.
      if (english(document.title)) found.push(`<title>${document.title}</title>`);
      for (const element of Array.from(document.querySelectorAll("[placeholder], [aria-label]"))) {
        for (const name of ["placeholder", "aria-label"]) {
          const value = element.getAttribute(name);
          if (value && english(value)) found.push(`${name}="${value}"`);
        }
      }
      return found;
    },
    [skip.map((selector) => `, ${selector}`).join(""), KEPT_IN_ENGLISH] as const,
  );
}

/**
 * A lesson page in Chinese as a class sees it: opened with ?lang=zh on a 1280×720 projector,
 * `act` done (ask a question…), then what is left in English and how it fits. The page's
 * choice of language is forgotten afterwards, so the file's other tests read English.
 */
export async function viewInChinese(
  page: Page,
  url: string,
  { skip = [], act = async () => {} }: { skip?: string[]; act?: () => Promise<void> } = {},
): Promise<{ lang: string; english: string[]; view: ProjectedView }> {
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${url}${url.includes("?") ? "&" : "?"}lang=zh`);
    await act();
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (process.env.SCREENSHOTS) {
      const name = new URL(url).port;
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/zh-${name}.png` });
    }
    return { lang, english: await untranslated(page, skip), view: await measureProjected(page) };
  } finally {
    await page.evaluate(() => localStorage.removeItem("workshop:lang"));
  }
}
