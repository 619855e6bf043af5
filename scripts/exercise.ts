// `pnpm exercise`: practise each lesson's key code with a check that turns
// green. The lesson's finished code stays the source of truth: starting an
// exercise replaces one marked region with a stub (see shared/exercises).
//
//   pnpm exercise [list] [--json]        every exercise and its status
//   pnpm exercise 02.1 [--no-dev]        start: stub in place, task printed, dev server + check in watch mode
//   pnpm exercise check [02.1]           run the check once (exit 0 when it passes)
//   pnpm exercise hint [02.1]            the next hint
//   pnpm exercise solution [02.1] [--apply]  the diff to the solution; --apply replaces your attempt (backed up)
//   pnpm exercise reset [02.1]           back to the lesson's finished code (all exercises without an id)
import { parseArgs } from "node:util";
import {
  applyState,
  currentRegions,
  type Exercise,
  findExercises,
  isInState,
  loadProgress,
  matchExercise,
  recoverFinishedFromGit,
  repoRoot,
  saveProgress,
  statusOf,
  stubInPlace,
  updateProgress,
} from "@workshop/exercises";
import { cliLanguage, withoutLang } from "./cli/language.ts";
import { messagesIn } from "./cli/messages.ts";
import { hintsIn, listText, solutionDiff, taskText } from "./exercise/show.ts";

const COMMANDS = ["list", "start", "check", "hint", "solution", "reset", "watch"] as const;
type Command = (typeof COMMANDS)[number];

// `--lang zh` (or a zh_CN locale): the task, the hints and every message in Chinese.
const language = cliLanguage();
const say = messagesIn(language);
const { values: flags, positionals } = parseArgs({
  args: withoutLang(process.argv.slice(2)),
  options: { json: { type: "boolean" }, "no-dev": { type: "boolean" }, apply: { type: "boolean" } },
  allowPositionals: true,
});
const args = positionals.filter((arg) => arg !== "--");
const exercises = findExercises();
const first = args[0];
const command: Command = COMMANDS.includes(first as Command) ? (first as Command) : first ? "start" : "list";
const query = command === "start" && first !== "start" ? first : args[1];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The exercise named on the command line, else the current one. */
function chosen(): Exercise {
  const id = query ?? loadProgress().current;
  if (!id) fail(say.whichExercise());
  const exercise = matchExercise(exercises, id);
  if (!exercise) fail(say.noExercise(id));
  return exercise;
}

switch (command) {
  case "list": {
    const progress = loadProgress();
    if (flags.json) {
      const list = exercises.map(({ id, lesson, title }) => ({
        id,
        lesson,
        title,
        status: statusOf(progress, id),
        stubInPlace: stubInPlace(exercises.find((e) => e.id === id) as Exercise),
      }));
      console.log(JSON.stringify(list, null, 2));
    } else console.log(listText(exercises, progress, language));
    break;
  }
  case "start": {
    const exercise = chosen();
    const { backup } = applyState(exercise, "start");
    updateProgress(exercise.id, (_entry, progress) => {
      progress.current = exercise.id;
    });
    const { renderMarkdown } = await import("./exercise/terminal-markdown.ts"); // ~0.3 s: only to print a task
    console.log(`\n${taskText(exercise, renderMarkdown, language)}\n`);
    if (backup) console.log(say.attemptSaved(backup));
    for (const other of exercises.filter((e) => e.id !== exercise.id && stubInPlace(e)))
      console.log(say.otherStub(other.id, other.lesson));
    if (flags["no-dev"]) break;
    await devAndWatch(exercise);
    break;
  }
  case "watch":
    await (await import("./exercise/run-check.ts")).runCheck(chosen(), { watch: true, language });
    break;
  case "check": {
    // Loaded only here: vitest's Node API takes a second to import, and list or hint need none of it.
    const exercise = chosen();
    const { runCheck } = await import("./exercise/run-check.ts");
    process.exit((await runCheck(exercise, { watch: false, language })) ? 0 : 1);
    break;
  }
  case "hint": {
    const exercise = chosen();
    const hints = hintsIn(exercise, language);
    const progress = updateProgress(exercise.id, (entry) => {
      entry.hints = Math.min(entry.hints + 1, hints.length);
    });
    const shown = progress.exercises[exercise.id]?.hints ?? 0;
    const { renderMarkdown } = await import("./exercise/terminal-markdown.ts");
    console.log(
      `\n${say.hint(shown, hints.length, exercise.id)}\n\n${renderMarkdown(hints[shown - 1] ?? "")}\n`,
    );
    if (shown === hints.length) console.log(say.lastHint(exercise.id));
    break;
  }
  case "solution": {
    const exercise = chosen();
    if (!flags.apply) {
      console.log(solutionDiff(exercise, currentRegions(exercise)));
      console.log(`\n${say.catchUp(exercise.id)}`);
      break;
    }
    const { backup } = applyState(exercise, "solution");
    console.log(say.solutionInPlace(exercise.id, backup));
    break;
  }
  case "reset": {
    const targets = query ? [chosen()] : exercises;
    const progress = loadProgress();
    // The copies `start` saved may be gone (.exercises deleted): a stub still in place is then
    // compared with the committed file, never taken for the lesson's code.
    for (const exercise of targets) recoverFinishedFromGit(exercise);
    let reset = 0;
    for (const exercise of targets) {
      // One exercise's reset can restore another's region (regions nest): look again each time.
      if (!query && isInState(exercise, "finished")) continue;
      const { changed, backup } = applyState(exercise, "finished");
      if (changed.length > 0) reset++;
      if (statusOf(progress, exercise.id) === "started") delete progress.exercises[exercise.id];
      if (progress.current === exercise.id) progress.current = undefined;
      if (changed.length > 0) console.log(say.resetOne(exercise.id, changed.join(", "), backup));
    }
    if (!query) progress.current = undefined; // nothing is in progress any more
    saveProgress(progress);
    if (reset === 0) console.log(say.allFinished());
    break;
  }
}

/** `pnpm dev NN` and the check in watch mode, side by side, until Ctrl+C. */
async function devAndWatch(exercise: Exercise): Promise<void> {
  const { runSideBySide } = await import("./cli/side-by-side.ts");
  const script = (name: string, ...args: string[]) => ({
    file: process.execPath,
    args: ["--import", "tsx", `scripts/${name}`, ...args, "--lang", language],
    cwd: repoRoot,
  });
  const { ended } = runSideBySide([
    { name: "dev", color: "blue", ...script("dev.ts", exercise.lesson) },
    { name: "check", color: "green", ...script("exercise.ts", "watch", exercise.id) },
  ]);
  process.once("SIGINT", () => console.log(`\n${say.leftAsIs(exercise.id)}`));
  process.exit((await ended) ? 0 : 1);
}
