// `pnpm dev`: pick a lesson (arrow keys) and start its server and page.
// `pnpm dev 01` or `pnpm dev polling` starts one directly; so does `pnpm dev`
// inside a lesson's folder. To be ready in well under 3 s, this process checks
// the ports itself and starts the two processes directly (no pnpm in between),
// and it runs as `node --import tsx` (tsx's own CLI would start a second Node).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { busyPorts, lessonPageUrl } from "@workshop/server-kit/preflight";
import { exitWithParent } from "@workshop/server-kit/tied-to-parent";
import { cliLanguage, withoutLang } from "./cli/language.ts";
import { messagesIn } from "./cli/messages.ts";
import { runSideBySide } from "./cli/side-by-side.ts";
import { exerciseProgress, stubNotices } from "./exercise/lesson-progress.ts";
import { describeLessons, findLessons, type Lesson, matchLesson, repoRoot } from "./lessons.ts";

const language = cliLanguage();
const say = messagesIn(language);
const lessons = findLessons();
const args = withoutLang(process.argv.slice(2));
const query = args.find((arg) => arg !== "--" && !arg.startsWith("--"));
// Flags after the lesson go to its server (`pnpm dev 10 --redis`).
const serverFlags = args.filter((arg) => arg.startsWith("--") && arg !== "--");

if (lessons.length === 0) {
  console.log(say.noLessons());
  process.exit(0);
}

const howToChoose = say.howToChoose(lessons[0]?.number ?? "", lessons[0]?.slug ?? "");

if (query) {
  const match = matchLesson(lessons, query);
  if (!match || Array.isArray(match)) {
    const problem = match ? say.severalMatch(query) : say.noMatch(query);
    console.error(
      `${say.theLessonsAre(problem)}\n${describeLessons(lessons, undefined, language)}\n${howToChoose}`,
    );
    process.exit(1);
  }
  await start(match);
} else if (!process.stdin.isTTY || !process.stdout.isTTY) {
  // No terminal to ask in (CI, a pipe): say what there is and never wait for input.
  const list = describeLessons(lessons, exerciseProgress(language), language);
  console.log(`${say.theLessons()}\n${list}\n\n${howToChoose}`);
} else {
  // Loaded only for the picker: `pnpm dev NN` starts sooner without it.
  const { isCancel, select } = await import("@clack/prompts");
  const progress = exerciseProgress(language);
  const choice = await select({
    message: say.whichLesson(),
    options: lessons.map((lesson) => ({
      value: lesson,
      label: `${lesson.number} ${lesson.slug}`,
      hint: [language === "zh" ? lesson.titleZh : lesson.title, progress(lesson.folder)]
        .filter(Boolean)
        .join(" · "),
    })),
  });
  if (!isCancel(choice)) await start(choice);
}

async function start(lesson: Lesson): Promise<void> {
  const ports = await busyPorts(lesson.folder);
  if (ports.busy.length > 0) {
    const busy = ports.busy.map((which) =>
      which === "api" ? say.apiPort(ports.api) : say.pagePort(ports.page),
    );
    console.error(say.portsBusy(lesson.folder, busy, lesson.number, ports.api, ports.page));
    process.exit(1);
  }
  console.log(`\n  ${say.starting(lesson.folder, lessonPageUrl(lesson.folder))}\n`);
  for (const notice of stubNotices(lesson.folder, language)) console.log(`  ${notice}\n`);
  const cwd = join(repoRoot, "lessons", lesson.folder);
  // The lesson's own binaries first on the PATH, as `pnpm run` would put them; its Vite is
  // started by this Node, as its bin would be, without a shell in between.
  const env = { PATH: `${join(cwd, "node_modules", ".bin")}:${process.env.PATH}` };
  const vitePackage = createRequire(join(cwd, "package.json")).resolve("vite/package.json");
  const { bin } = JSON.parse(readFileSync(vitePackage, "utf8")) as { bin: { vite: string } };
  const viteBin = join(dirname(vitePackage), bin.vite);
  const { ended, stop } = runSideBySide([
    {
      name: "server",
      color: "blue",
      file: process.execPath,
      args: ["--watch", "--import", "tsx", "src/server/main.ts", ...serverFlags],
      cwd,
      env: { ...env, WORKSHOP_LANG: language }, // its own lines in the class's language too
    },
    {
      name: "page",
      color: "magenta",
      file: process.execPath,
      args: [viteBin, "--configLoader", "runner", "--logLevel", "warn"],
      cwd,
      env,
    },
  ]);
  // `pnpm dev` itself killed (SIGKILL runs no handler): stop the server and the page as Ctrl+C
  // would, so the lesson's services go with them and the next start does not find the ports busy.
  exitWithParent(() => stop("SIGTERM"));
  process.exit((await ended) ? 0 : 1);
}
