// Run before a lesson starts (`pnpm dev NN`): both ports must be free. A busy
// port gets a message naming the lesson and the fix, instead of a stack trace.
import { createServer } from "node:net";
import { lessonHost, lessonPorts } from "./lesson-ports.ts";

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** undefined when lesson "01-polling" can start; otherwise what to tell the user. */
export async function busyPortsMessage(lesson: string): Promise<string | undefined> {
  const number = lesson.slice(0, 2);
  const { api, page } = lessonPorts(number);
  const host = lessonHost();
  const [apiFree, pageFree] = await Promise.all([isFree(api, host), isFree(page, host)]);
  const busy: string[] = [];
  if (!apiFree) busy.push(`API port ${api} (PORT)`);
  if (!pageFree) busy.push(`page port ${page} (PAGE_PORT)`);
  if (busy.length === 0) return undefined;
  return (
    `Lesson ${lesson} can't start: ${busy.join(" and ")} ${busy.length > 1 ? "are" : "is"} busy.\n` +
    `Is lesson ${number} already running in another terminal? Stop it, or choose free ports:\n` +
    `  PORT=${api + 100} PAGE_PORT=${page + 100} pnpm dev ${number}`
  );
}

/** The one URL to open. */
export function lessonPageUrl(lesson: string): string {
  const host = lessonHost();
  return `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${lessonPorts(lesson.slice(0, 2)).page}/`;
}
