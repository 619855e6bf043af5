import { defineChecks, must, mustEventually, waitUntil } from "@workshop/exercises";
import { withLessonPage } from "@workshop/exercises/lesson-page";
import { eventually } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

export default defineChecks({
  "in Chromium, under StrictMode, the badge holds one EventSource, and none once hidden": (code) =>
    withServer(code, {}, ({ url, openStreams }) =>
      withLessonPage(code, url, async (page, siteUrl) => {
        await page.goto(`${siteUrl}react/`);
        await page
          .getByRole("status")
          .getByText(/· open/)
          .waitFor();
        await eventually(() => openStreams.size >= 1, 2000);
        await waitUntil(() => openStreams.size === 1, 4000); // the trap holds two for ever
        const fromOnePage = openStreams.size;
        must(
          fromOnePage === 1,
          `the server holds ${fromOnePage} notification streams from one page: StrictMode's first connection was never closed`,
        );
        await page.getByRole("button", { name: "Hide notifications" }).click();
        await mustEventually(
          () => openStreams.size === 0,
          4000,
          "after Hide notifications, the connection is still open: close it in the cleanup",
        );
      }),
    ),
});
