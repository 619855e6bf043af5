// For checks in Chromium: the lesson's page, served from the code under check
// (its own vite.config.ts, proxying to `apiUrl`), in a fresh browser, closed
// however the check ends.
import { findChromium, HOW_TO_GET_CHROMIUM, launchBrowser, type Page, startPage } from "@workshop/testkit";
import { type LessonCode, must } from "./checks.ts";

export async function withLessonPage(
  code: LessonCode,
  apiUrl: string,
  use: (page: Page, siteUrl: string) => Promise<void>,
): Promise<void> {
  must(findChromium(), HOW_TO_GET_CHROMIUM);
  const browser = await launchBrowser();
  const site = await startPage(code.root, apiUrl, [], code.pageCacheDir);
  try {
    await use(await browser.newPage(), site.url);
  } finally {
    await site.close();
    await browser.close();
  }
}
