// For checks in Chromium: the lesson's page, served from the code under check
// (its own vite.config.ts, proxying to `apiUrl`), in a fresh tab of the process's
// shared Chromium, closed however the check ends.
import { findChromium, HOW_TO_GET_CHROMIUM, type Page, sharedBrowser, startPage } from "@workshop/testkit";
import { type LessonCode, must } from "./checks.ts";

export async function withLessonPage(
  code: LessonCode,
  apiUrl: string,
  use: (page: Page, siteUrl: string) => Promise<void>,
): Promise<void> {
  must(findChromium(), HOW_TO_GET_CHROMIUM);
  const browser = await sharedBrowser();
  const site = await startPage(code.root, apiUrl);
  const page = await browser.newPage();
  try {
    await use(page, site.url);
  } finally {
    await page.context().close();
    await site.close();
  }
}
