// `pnpm quiz`: drill the lessons' interview questions in a terminal.
//   pnpm quiz                 choose lessons, language and count interactively
//   pnpm quiz --review        only questions you marked shaky or unknown
//   pnpm quiz --list          the bank as a table of contents
//   pnpm quiz --lang zh --lessons 02,04 --count 5
//   pnpm quiz --mock          a mock interview: a few topics, their follow-ups, a timer, a summary
//   pnpm quiz --mock --lesson 04 --topics 3
// Without a terminal it prints the selection as markdown and never waits.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cancel, intro, isCancel, multiselect, note, outro, select, text } from "@clack/prompts";
import { followUpsOf, loadQuestionBank, topLevel } from "./interview.ts";
import { repoRoot } from "./lessons.ts";
import { loadProgress, type Mark, saveProgress } from "./quiz/progress.ts";
import { type Language, studySheet, tableOfContents } from "./quiz/render.ts";
import { selectQuestions } from "./quiz/select.ts";
import { runSession } from "./quiz/session.ts";

const { values } = parseArgs({
  options: {
    list: { type: "boolean" },
    review: { type: "boolean" },
    lang: { type: "string" },
    lessons: { type: "string" },
    count: { type: "string" },
    mock: { type: "boolean" },
    lesson: { type: "string" },
    topics: { type: "string" },
  },
});
const progressPath = process.env.QUIZ_PROGRESS ?? join(repoRoot, ".quiz-progress.json");
const bank = loadQuestionBank();
const progress = loadProgress(progressPath);
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);

if (values.list) {
  console.log(tableOfContents(bank));
  process.exit(0);
}

if (values.mock) {
  const { runMock } = await import("./quiz/run-mock.ts"); // the mock interview's terminal loop
  await runMock(bank, progress, progressPath, {
    lesson: values.lesson,
    topics: values.topics ? Number(values.topics) : undefined,
    language: (values.lang as Language | undefined) ?? (interactive ? "en" : "both"),
    interactive,
  });
  process.exit(0);
}

const lessonIds = [...new Set(bank.map((q) => q.lesson))];
let lessons = values.lessons?.split(",").map((l) => l.trim());
let language = (values.lang as Language | undefined) ?? (interactive ? undefined : "both");
let count = values.count ? Number(values.count) : undefined;

if (!interactive) {
  const chosen = selectQuestions(bank, progress, { lessons, review: values.review, count });
  console.log(studySheet(chosen, language ?? "both", (q) => followUpsOf(bank, q)));
  process.exit(0);
}

const quit = () => {
  cancel("See you next time: your progress is saved.");
  process.exit(0);
};

intro(
  `Streaming output · interview drill (${topLevel(bank).length} questions, ${bank.length - topLevel(bank).length} follow-ups)`,
);
if (!lessons) {
  const picked = await multiselect({
    message: "Which lessons?",
    options: lessonIds.map((id) => ({ value: id, label: id })),
    initialValues: lessonIds,
    required: true,
  });
  if (isCancel(picked)) quit();
  lessons = picked as string[];
}
if (!language) {
  const picked = await select({
    message: "Language / 语言",
    options: [
      { value: "en", label: "English" },
      { value: "zh", label: "中文" },
      { value: "both", label: "Both / 双语" },
    ],
  });
  if (isCancel(picked)) quit();
  language = picked as Language;
}
if (!count) {
  const picked = await text({
    message: "How many questions?",
    initialValue: "5",
    validate: (v) => (/^\d+$/.test(v ?? "") ? undefined : "a number"),
  });
  if (isCancel(picked)) quit();
  count = Number(picked);
}

const chosen = selectQuestions(bank, progress, { lessons, review: values.review, count });
if (chosen.length === 0) {
  outro(values.review ? "Nothing to review: no question is marked shaky or unknown." : "No questions match.");
  process.exit(0);
}

const tally = await runSession(
  chosen,
  language,
  progress,
  {
    async ask(title, question) {
      note(question, title);
      const answer = await text({ message: "Your answer (or just Enter to reveal)", defaultValue: "" });
      return isCancel(answer) ? undefined : String(answer);
    },
    reveal: (answer) => note(answer, "Key points"),
    async mark() {
      const mark = await select({
        message: "How did it go?",
        options: [
          { value: "known", label: "Known" },
          { value: "shaky", label: "Shaky: ask again soon" },
          { value: "unknown", label: "Unknown: ask again next time" },
        ],
      });
      return isCancel(mark) ? undefined : (mark as Mark);
    },
    save: (p) => saveProgress(progressPath, p),
  },
  (q) => followUpsOf(bank, q),
);
outro(
  `known ${tally.known} · shaky ${tally.shaky} · unknown ${tally.unknown}. Review later with \`pnpm quiz --review\`.`,
);
