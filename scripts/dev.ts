// `pnpm dev`: pick a lesson (arrow keys) and start its server and page.
// `pnpm dev 01` or `pnpm dev polling` starts one directly.
import { spawn } from "node:child_process";
import { isCancel, select } from "@clack/prompts";
import { describeLessons, findLessons, type Lesson, matchLesson, repoRoot } from "./lessons.ts";

const lessons = findLessons();
const query = process.argv.slice(2).find((arg) => arg !== "--");

if (lessons.length === 0) {
  console.log("No lessons yet: lessons/ has no NN-slug folders. The foundation (shared/) is in place.");
  process.exit(0);
}

const howToChoose = `Start one with \`pnpm dev <number or name>\`, e.g. \`pnpm dev ${lessons[0]?.number}\` or \`pnpm dev ${lessons[0]?.slug}\`.`;

if (query) {
  const match = matchLesson(lessons, query);
  if (!match || Array.isArray(match)) {
    const problem = match ? `"${query}" matches several lessons` : `No lesson matches "${query}"`;
    console.error(`${problem}. The lessons are:\n${describeLessons(lessons)}\n${howToChoose}`);
    process.exit(1);
  }
  start(match);
} else if (!process.stdin.isTTY || !process.stdout.isTTY) {
  // No terminal to ask in (CI, a pipe): say what there is and never wait for input.
  console.log(`The lessons:\n${describeLessons(lessons)}\n\n${howToChoose}`);
} else {
  const choice = await select({
    message: "Which lesson?",
    options: lessons.map((lesson) => ({
      value: lesson,
      label: `${lesson.number} ${lesson.slug}`,
      hint: lesson.title,
    })),
  });
  if (!isCancel(choice)) start(choice);
}

function start(lesson: Lesson): void {
  console.log(`Starting lesson ${lesson.folder} (${lesson.packageName})…`);
  const child = spawn("pnpm", ["--filter", lesson.packageName, "dev"], { cwd: repoRoot, stdio: "inherit" });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  // Ctrl+C reaches the child too (same process group); just don't die first.
  process.on("SIGINT", () => {});
}
