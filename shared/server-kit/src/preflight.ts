#!/usr/bin/env tsx
// `lesson-preflight 01`: run by each lesson's `pnpm dev` before starting.
// Checks both ports are free (a busy port gets a message naming the lesson and
// the fix), then prints the one URL to open.
import { createServer } from "node:net";
import { lessonHost, lessonPorts } from "./lesson-ports.ts";

const lesson = process.argv[2] ?? "";
const number = lesson.slice(0, 2);
const { api, page } = lessonPorts(number);
const host = lessonHost();

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, host, () => probe.close(() => resolve(true)));
  });
}

const busy: string[] = [];
if (!(await isFree(api))) busy.push(`API port ${api} (PORT)`);
if (!(await isFree(page))) busy.push(`page port ${page} (PAGE_PORT)`);
if (busy.length > 0) {
  console.error(
    `Lesson ${lesson} can't start: ${busy.join(" and ")} ${busy.length > 1 ? "are" : "is"} busy.\n` +
      `Is lesson ${number} already running in another terminal? Stop it, or choose free ports:\n` +
      `  PORT=${api + 100} PAGE_PORT=${page + 100} pnpm dev ${number}`,
  );
  process.exit(1);
}
console.log(`\n  ▶ Lesson ${lesson}: open http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${page}/\n`);
