// `pnpm start` / `pnpm dev 09`: the origins, a private nginx with every path
// (on 3901 and up, the same after every restart: a browser keeps the HTTP/2
// path's certificate exception), and the lesson's API on 127.0.0.1:3109. All
// on HOST when it is set. Without nginx, one line says how to get it.
import { lessonHost, runLessonServer } from "@workshop/server-kit";
import { fromLesson, lessonServerText } from "@workshop/server-kit/lesson-server-text";
import { findNginx } from "@workshop/server-kit/private-nginx";
import { createServer, LESSON } from "./app.ts";
import { certificateCache } from "./certificate.ts";
import { describeNginxFailure } from "./nginx-failure.ts";
import { startLines } from "./start-lines.ts";

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
const say = startLines();
console.log(`  ${say.certificate(`${certificateCache()}/localhost.crt`)}`);
if (lesson.proxies.newCertificate) console.log(`  ${say.newCertificate()}`);
runLessonServer(LESSON, lesson);
