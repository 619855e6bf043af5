import { defineChecks, must } from "@workshop/exercises";
import { eventually, findChromium, HOW_TO_GET_CHROMIUM, launchBrowser, startPage } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

export default defineChecks({
  "in Chromium, under StrictMode, the badge holds one EventSource, and none once hidden": (code) =>
    withServer(code, {}, async ({ url, openStreams }) => {
      must(findChromium(), HOW_TO_GET_CHROMIUM);
      const browser = await launchBrowser();
      const site = await startPage(code.root, url, [], code.pageCacheDir);
      try {
        const page = await browser.newPage();
        await page.goto(`${site.url}react/`);
        await page
          .getByRole("status")
          .getByText(/· open/)
          .waitFor();
        await eventually(() => openStreams.size >= 1, 2000);
        await eventually(() => openStreams.size === 1, 500).catch(() => {});
        const fromOnePage = openStreams.size;
        must(
          fromOnePage === 1,
          `the server holds ${fromOnePage} notification streams from one page: StrictMode's first connection was never closed`,
        );
        await page.getByRole("button", { name: "Hide notifications" }).click();
        await eventually(() => openStreams.size === 0, 1000).catch(() => {});
        must(
          openStreams.size === 0,
          "after Hide notifications, the connection is still open: close it in the cleanup",
        );
      } finally {
        await site.close();
        await browser.close();
      }
    }),
});
