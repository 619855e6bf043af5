import { defineChecks, must, mustEventually, waitUntil } from "@workshop/exercises";
import { withLessonPage } from "@workshop/exercises/lesson-page";
import { eventually } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "in Chromium, under StrictMode, the badge holds one EventSource, and none once hidden":
    "在 Chromium 里、StrictMode 下，通知角标只持有一个 EventSource，隐藏之后一个也没有",
};

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
        must(fromOnePage === 1, {
          en: `the server holds ${fromOnePage} notification streams from one page: StrictMode's first connection was never closed`,
          zh: `一个页面在服务端留下了 ${fromOnePage} 条通知流：StrictMode 下的第一条连接一直没有关闭`,
        });
        await page.getByRole("button", { name: "Hide notifications" }).click();
        await mustEventually(() => openStreams.size === 0, 4000, {
          en: "after Hide notifications, the connection is still open: close it in the cleanup",
          zh: "点了 Hide notifications 之后，连接还开着：在清理函数里关掉它",
        });
      }),
    ),
});
