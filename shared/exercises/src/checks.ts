// What an exercise's check.ts is written with. A check is a few named steps,
// each a function of the lesson code under test, that throw a sentence for a
// student when the code is not there yet:
//
//   export default defineChecks({
//     "the stream says it is an event stream": async (code) => {
//       const { createServer } = await code.load<typeof App>("src/server/app.ts");
//       …
//       must(type.startsWith("text/event-stream"), "the stream never set `Content-Type: text/event-stream`");
//     },
//   });
//
// `code` points at the student's lesson folder under `pnpm exercise check`,
// and at a scratch copy in the start or solution state under the integrity
// test; a check never imports lesson files statically, so it can check either.
import { join } from "node:path";
// Not the testkit's index: it loads Playwright and Vite, and every `pnpm exercise` command loads this file.
import { eventually } from "@workshop/testkit/active-resources";

export interface LessonCode {
  /** The lesson folder being checked (a copy of it, in the integrity test). */
  root: string;
  /** Imports a module of that folder, e.g. `load<typeof App>("src/server/app.ts")`. */
  load<T>(path: string): Promise<T>;
}

export type Check = (code: LessonCode) => Promise<void> | void;
export type Checks = Record<string, Check>;

export const defineChecks = (checks: Checks): Checks => checks;

/**
 * What a failed check tells the student: a sentence, or the sentence in English and 中文
 * (`pnpm exercise check --lang zh` sets EXERCISE_LANG=zh and shows the Chinese).
 */
export type CheckMessage = string | { en: string; zh: string };

const inStudentLanguage = (message: CheckMessage): string =>
  typeof message === "string" ? message : process.env.EXERCISE_LANG === "zh" ? message.zh : message.en;

/** A check's verdict for a student: the message is the whole story, no diff. */
export class CheckFailed extends Error {
  override name = "CheckFailed";
  constructor(message: CheckMessage) {
    super(inStudentLanguage(message));
    // No stack: vitest would show a code frame inside this file, which tells a student nothing.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export function must(condition: unknown, message: CheckMessage): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

/** `promise`, or a CheckFailed with `message` if it takes longer than `ms`: a stub that hangs fails, it does not stall. */
export async function within<T>(promise: Promise<T>, ms: number, message: CheckMessage): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until `check` holds or `ms` pass, and never throws: for a moment the code under check
 * needs (a socket to close, a timer to clear) before the check judges what it finds.
 */
export async function waitUntil(check: () => boolean, ms: number): Promise<void> {
  await eventually(check, ms).catch(() => {});
}

/** `check` holds within `ms`, or a CheckFailed with `message`: what a stub never does is waited for, then named. */
export async function mustEventually(check: () => boolean, ms: number, message: CheckMessage): Promise<void> {
  await waitUntil(check, ms);
  must(check(), message);
}

export function lessonCode(root: string): LessonCode {
  return { root, load: (path) => import(/* @vite-ignore */ join(root, path)) };
}
