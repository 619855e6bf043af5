// `pnpm start` / `pnpm dev 09`: the origins, a private nginx with every path
// (on 3901 and up, the same after every restart: a browser keeps the HTTP/2
// path's certificate exception), and the lesson's API on 127.0.0.1:3109. All
// on HOST when it is set. Without nginx, one line says how to get it.
import { lessonHost, runLessonServer } from "@workshop/server-kit";
import { fromLesson, lessonServerText, serverLanguage } from "@workshop/server-kit/lesson-server-text";
import { findNginx } from "@workshop/server-kit/private-nginx";
import { createServer, LESSON } from "./app.ts";
import { certificateCache } from "./certificate.ts";
import { describeNginxFailure } from "./nginx-failure.ts";

const zh = serverLanguage() === "zh"; // `pnpm dev 09 --lang zh`
if (!findNginx()) {
  console.error(fromLesson(LESSON, lessonServerText().noNginx()));
  process.exit(1);
}
const lesson = await createServer({ host: lessonHost(), firstPort: 3901 }).catch((error: unknown) => {
  const said = describeNginxFailure(error);
  if (!said) throw error;
  console.error(said);
  process.exit(1);
});
for (const path of lesson.proxies.paths) console.log(`  ${path.name.padEnd(20)} ${path.url}`);
const certificate = `${certificateCache()}/localhost.crt`;
console.log(
  zh
    ? `  http2 路径的证书（30 天内不变）：${certificate}`
    : `  The http2 path's certificate (the same for 30 days): ${certificate}`,
);
if (lesson.proxies.newCertificate)
  console.log(
    zh
      ? "  这是新证书：先在浏览器里打开上面的 http2 地址，接受一次（页面上 HTTP/2 那一行会一直等到那时）。"
      : "  It is new: open the http2 URL above once and accept it (the page's HTTP/2 row waits until then).",
  );
runLessonServer(LESSON, lesson);
