// What the CLI prints: the list, a task, a hint, a diff.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { styleText } from "node:util";
import {
  type Exercise,
  type Progress,
  regionText,
  statusOf,
  stubInPlace,
  workspaceRoot,
} from "@workshop/exercises";
import { createTwoFilesPatch } from "diff";

const MARK = { todo: "○", started: "◐", done: "●" } as const;

export function listText(exercises: Exercise[], progress: Progress): string {
  const lines: string[] = [];
  let lesson = "";
  for (const exercise of exercises) {
    if (exercise.lesson !== lesson) {
      lesson = exercise.lesson;
      lines.push("", styleText("bold", `Lesson ${lesson}`));
    }
    const status = statusOf(progress, exercise.id);
    const here = progress.current === exercise.id ? styleText("cyan", "  ← current") : "";
    // Read from the files, not progress.json (which can be lost): the lesson's tests fail meanwhile.
    const stub = stubInPlace(exercise) ? styleText("yellow", "  (its starting code is in place)") : "";
    lines.push(
      `  ${MARK[status]} ${exercise.id.padEnd(5)} ${exercise.title.padEnd(58)} ${status}${here}${stub}`,
    );
  }
  lines.push("", "Start one with `pnpm exercise <id>`, e.g. `pnpm exercise 02.1`.");
  return lines.join("\n");
}

/** The README without its hints (those come one at a time), and where to write. */
/** `render`: Markdown for the terminal (terminal-markdown.ts, loaded only by the commands that print a task). */
export function taskText(exercise: Exercise, render: (markdown: string) => string): string {
  const readme = readFileSync(join(exercise.dir, "README.md"), "utf8")
    .replace(/## Hints[\s\S]*?(?=\n## |$)/, "")
    .trim();
  const files = exercise.edits
    .map(
      (edit) =>
        `  ${relative(workspaceRoot, join(exercise.lessonDir, edit.file))}  (between \`// #region ${edit.region}\` and \`// #endregion\`)`,
    )
    .join("\n");
  return [
    render(readme),
    "",
    styleText("bold", "Write your code in:"),
    files,
    "",
    `Check: \`pnpm exercise check\` · a hint: \`pnpm exercise hint\` · the answer: \`pnpm exercise solution\``,
  ].join("\n");
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
