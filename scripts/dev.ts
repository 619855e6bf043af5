// `pnpm dev`: pick a lesson (arrow keys) and start its server and page.
// `pnpm dev 01` or `pnpm dev polling` starts one directly; so does `pnpm dev`
// inside a lesson's folder. To be ready in well under 3 s, this process checks
// the ports itself and starts the two processes directly (no pnpm in between),
// and it runs as `node --import tsx` (tsx's own CLI would start a second Node).
import { join } from "node:path";
import { busyPortsMessage, lessonPageUrl } from "@workshop/server-kit/preflight";
import { exitWithParent } from "@workshop/server-kit/tied-to-parent";
import concurrently from "concurrently";
import { exerciseProgress, stubNotices } from "./exercise/lesson-progress.ts";
import { describeLessons, findLessons, type Lesson, matchLesson, repoRoot } from "./lessons.ts";

const lessons = findLessons();
const query = process.argv.slice(2).find((arg) => arg !== "--" && !arg.startsWith("--"));
// Flags after the lesson go to its server (`pnpm dev 10 --redis`).
const serverFlags = process.argv.slice(2).filter((arg) => arg.startsWith("--") && arg !== "--");

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
  await start(match);
} else if (!process.stdin.isTTY || !process.stdout.isTTY) {
  // No terminal to ask in (CI, a pipe): say what there is and never wait for input.
  console.log(`The lessons:\n${describeLessons(lessons, exerciseProgress())}\n\n${howToChoose}`);
} else {
  // Loaded only for the picker: `pnpm dev NN` starts sooner without it.
  const { isCancel, select } = await import("@clack/prompts");
  const progress = exerciseProgress();
  const choice = await select({
    message: "Which lesson?",
    options: lessons.map((lesson) => ({
      value: lesson,
      label: `${lesson.number} ${lesson.slug}`,
      hint: [lesson.title, progress(lesson.folder)].filter(Boolean).join(" · "),
    })),
  });
  if (!isCancel(choice)) await start(choice);
}

async function start(lesson: Lesson): Promise<void> {
  const busy = await busyPortsMessage(lesson.folder);
  if (busy) {
    console.error(busy);
    process.exit(1);
  }
  console.log(`\n  ▶ Lesson ${lesson.folder}: open ${lessonPageUrl(lesson.folder)}\n`);
  for (const notice of stubNotices(lesson.folder)) console.log(`${notice}\n`);
  const cwd = join(repoRoot, "lessons", lesson.folder);
  // The lesson's own binaries (tsx, vite) first on the PATH, as `pnpm run` would put them.
  const env = { PATH: `${join(cwd, "node_modules", ".bin")}:${process.env.PATH}` };
  const { result, commands } = concurrently(
    [
      {
        command: ["node --watch --import tsx src/server/main.ts", ...serverFlags].join(" "),
        name: "server",
        prefixColor: "blue",
        cwd,
        env,
      },
      {
        command: "vite --configLoader runner --logLevel warn",
        name: "page",
        prefixColor: "magenta",
        cwd,
        env,
      },
    ],
    { killOthersOn: ["failure"], prefix: "name" },
  );
  // Ctrl+C reaches both children too (same process group): wait for them to
  // shut down, then exit cleanly. Any other ending is a failure.
  let interrupted = false;
  process.on("SIGINT", () => {
    interrupted = true;
  });
  // `pnpm dev` itself killed (SIGKILL runs no handler): stop the server and the page as Ctrl+C
  // would, so the lesson's services go with them and the next start does not find the ports busy.
  exitWithParent(() => {
    interrupted = true;
    for (const command of commands) command.kill("SIGTERM");
  });
  result.then(
    () => process.exit(0),
    () => process.exit(interrupted ? 0 : 1),
  );
}
