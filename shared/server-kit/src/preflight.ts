// Run before a lesson starts (`pnpm dev NN`): both ports must be free. A busy
// port gets a message naming the lesson and the fix (scripts/cli/messages.ts),
// instead of a stack trace.
import { createServer } from "node:net";
import { lessonHost, lessonPorts } from "./lesson-ports.ts";

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The lesson's two ports, and which of them another process holds (`pnpm dev` words the message). */
export async function busyPorts(
  lesson: string,
): Promise<{ api: number; page: number; busy: ("api" | "page")[] }> {
  const number = lesson.slice(0, 2);
  const { api, page } = lessonPorts(number);
  const host = lessonHost();
  const [apiFree, pageFree] = await Promise.all([isFree(api, host), isFree(page, host)]);
  const busy: ("api" | "page")[] = [];
  if (!apiFree) busy.push("api");
  if (!pageFree) busy.push("page");
  return { api, page, busy };
}

/** The one URL to open. */
export function lessonPageUrl(lesson: string): string {
  const host = lessonHost();
  return `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${lessonPorts(lesson.slice(0, 2)).page}/`;
}
