// What the CLI prints: the list, a task, a hint, a diff.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { styleText } from "node:util";
import {
  type Exercise,
  type Progress,
  readHints,
  regionText,
  statusOf,
  stubInPlace,
  workspaceRoot,
} from "@workshop/exercises";
import { createTwoFilesPatch } from "diff";
import stringWidth from "string-width";
import type { CliLanguage } from "../cli/language.ts";
import { messagesIn } from "../cli/messages.ts";

const MARK = { todo: "○", started: "◐", done: "●" } as const;

/** Padded to `columns` terminal columns, where a Chinese character takes two (padEnd counts it as one). */
const padColumns = (text: string, columns: number) =>
  text + " ".repeat(Math.max(0, columns - stringWidth(text)));

export function listText(exercises: Exercise[], progress: Progress, language: CliLanguage = "en"): string {
  const say = messagesIn(language);
  const lines: string[] = [];
  let lesson = "";
  // The status before the title, padded to the widest status word: every title then starts in
  // one column, and a row stays within 80 columns (a title padded to the longest would not).
  const statusColumns = Math.max(
    ...(["todo", "started", "done"] as const).map((s) => stringWidth(say.status(s))),
  );
  for (const exercise of exercises) {
    if (exercise.lesson !== lesson) {
      lesson = exercise.lesson;
      lines.push("", styleText("bold", say.lessonHeading(lesson)));
    }
    const status = statusOf(progress, exercise.id);
    const here = progress.current === exercise.id ? styleText("cyan", `  ${say.current()}`) : "";
    // Read from the files, not progress.json (which can be lost): the lesson's tests fail meanwhile.
    const stub = stubInPlace(exercise) ? styleText("yellow", `  ${say.stubInList()}`) : "";
    lines.push(
      `  ${MARK[status]} ${exercise.id.padEnd(5)} ${padColumns(say.status(status), statusColumns)}  ${titleIn(exercise, language)}${here}${stub}`,
    );
  }
  lines.push("", say.startOne());
  return lines.join("\n");
}

/**
 * A link to a file beside the README ("../../src/server/x.ts"): it points from the README's folder,
 * but a student reads the task in a terminal at the workshop's root, so it is rewritten from there.
 */
const LOCAL_LINK = /\]\((?![a-z]+:|#|\/)([^)\s]+)\)/g;
/** Code (a fenced block, a `span`) is left as written: `handlers[type](event)` is not a link. */
const CODE = /(```[\s\S]*?```|`[^`\n]*`)/;
const fromRoot = (markdown: string, exercise: Exercise) =>
  markdown
    .split(CODE)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            LOCAL_LINK,
            (_, target: string) => `](${relative(workspaceRoot, join(exercise.dir, target))})`,
          ),
    )
    .join("");

/** The exercise's README in `language` (its Chinese twin once there is one), its links from the root. */
export function readmeIn(exercise: Exercise, language: CliLanguage): string {
  const chinese = join(exercise.dir, "README.zh-CN.md");
  const file = language === "zh" && existsSync(chinese) ? chinese : join(exercise.dir, "README.md");
  return fromRoot(readFileSync(file, "utf8"), exercise);
}

export const hintsIn = (exercise: Exercise, language: CliLanguage): string[] =>
  readHints(readmeIn(exercise, language));

const titleIn = (exercise: Exercise, language: CliLanguage): string =>
  language === "en"
    ? exercise.title
    : (/^# \S+\s+(.+)$/m.exec(readmeIn(exercise, language))?.[1] ?? exercise.title);

/** The README without its hints (those come one at a time) and its language link, and where to write. */
/** `render`: Markdown for the terminal (terminal-markdown.ts, loaded only by the commands that print a task). */
export function taskText(
  exercise: Exercise,
  render: (markdown: string) => string,
  language: CliLanguage = "en",
): string {
  const say = messagesIn(language);
  const readme = readmeIn(exercise, language)
    // The line "English · [中文](README.zh-CN.md)" (or its twin's): a link for the web.
    .replace(/^(English · \[中文\]|\[English\]\([^)\s]*\) · 中文)\S*[ \t]*\n/m, "")
    .replace(/## (Hints|提示)[\s\S]*?(?=\n## |$)/, "")
    .trim();
  const files = exercise.edits
    .map(
      (edit) =>
        `  ${relative(workspaceRoot, join(exercise.lessonDir, edit.file))}  ${say.between(edit.region)}`,
    )
    .join("\n");
  return [render(readme), "", styleText("bold", say.writeYourCodeIn()), files, "", say.taskFooter()].join(
    "\n",
  );
}

/** A unified diff per region: what the student has now → the solution. */
export function solutionDiff(exercise: Exercise, current: Map<string, string>): string {
  return exercise.edits
    .map((edit) => {
      const key = `${edit.file}#${edit.region}`;
      const patch = createTwoFilesPatch(
        `${key} (yours)`,
        `${key} (solution)`,
        `${current.get(key) ?? ""}\n`,
        `${regionText(exercise, edit, "solution")}\n`,
        "",
        "",
        { context: 3 },
      );
      return patch
        .split("\n")
        .slice(1) // the "=====" line
        .map((line) =>
          line.startsWith("+") && !line.startsWith("+++")
            ? styleText("green", line)
            : line.startsWith("-") && !line.startsWith("---")
              ? styleText("red", line)
              : line,
        )
        .join("\n");
    })
    .join("\n");
}
