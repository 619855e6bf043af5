// Reads the lessons' INTERVIEW.md files: the question bank `pnpm quiz` drills.
// Format, per question:
//   ## <id>
//   - difficulty: easy | medium | hard
//   - prove: `pnpm vitest run <test file> -t "<part of a test name>"` (a comparison's drift test:
//     `pnpm compare --check <test file> -t "…"`), or `pnpm <script>`
//   ### Question / ### 问题 / ### Key points / ### 要点
// A follow-up (追问) is a question of the same form with one more line, `- follows: <id>`,
// naming the question it follows in the same file; it comes after that question, and a
// question has at most three. An interviewer asks them in file order, after the question.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { findLessons, repoRoot } from "./lessons.ts";

export interface InterviewQuestion {
  lesson: string;
  id: string;
  difficulty: string;
  prove: string;
  /** A follow-up's question, by id in the same lesson; undefined for a top-level question. */
  follows?: string;
  question: { en: string; zh: string };
  keyPoints: { en: string[]; zh: string[] };
}

const SECTIONS = {
  Question: "questionEn",
  问题: "questionZh",
  "Key points": "pointsEn",
  要点: "pointsZh",
} as const;

export function parseInterview(lesson: string, markdown: string): InterviewQuestion[] {
  const questions: InterviewQuestion[] = [];
  for (const block of markdown.split(/^## /m).slice(1)) {
    const [heading = "", ...lines] = block.split("\n");
    const meta = (name: string) =>
      lines
        .find((l) => l.startsWith(`- ${name}:`))
        ?.slice(name.length + 3)
        .trim() ?? "";
    const sections: Record<string, string[]> = {};
    let current: string | undefined;
    for (const line of lines) {
      const title = /^### (.+)$/.exec(line)?.[1]?.trim();
      if (title) current = SECTIONS[title as keyof typeof SECTIONS];
      else if (current && line.trim()) {
        sections[current] = [...(sections[current] ?? []), line.trim()];
      }
    }
    const bullets = (key: string) =>
      (sections[key] ?? []).filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
    questions.push({
      lesson,
      id: heading.trim(),
      difficulty: meta("difficulty"),
      prove: meta("prove").replace(/^`|`$/g, ""),
      ...(meta("follows") ? { follows: meta("follows") } : {}),
      question: { en: (sections.questionEn ?? []).join(" "), zh: (sections.questionZh ?? []).join(" ") },
      keyPoints: { en: bullets("pointsEn"), zh: bullets("pointsZh") },
    });
  }
  return questions;
}

export function loadQuestionBank(root = repoRoot): InterviewQuestion[] {
  return findLessons(root).flatMap((lesson) => {
    const path = join(root, "lessons", lesson.folder, "INTERVIEW.md");
    return existsSync(path) ? parseInterview(lesson.folder, readFileSync(path, "utf8")) : [];
  });
}

/** The questions an interview starts from (not follow-ups). */
export const topLevel = (bank: InterviewQuestion[]) => bank.filter((q) => q.follows === undefined);

/** A question's follow-ups, in the order they are asked (their order in the file). */
export const followUpsOf = (bank: InterviewQuestion[], q: InterviewQuestion) =>
  bank.filter((f) => f.lesson === q.lesson && f.follows === q.id);

/** What is wrong with the bank's follow-ups: each follows a top-level question of its lesson, at most three each. */
export function followUpProblems(bank: InterviewQuestion[]): string[] {
  const problems: string[] = [];
  for (const f of bank.filter((q) => q.follows !== undefined)) {
    const parent = bank.find((q) => q.lesson === f.lesson && q.id === f.follows);
    if (!parent) problems.push(`${f.lesson}#${f.id} follows ${f.follows}, which its lesson does not have`);
    else if (parent.follows !== undefined)
      problems.push(`${f.lesson}#${f.id} follows a follow-up (${f.follows}): follow the question itself`);
  }
  for (const q of topLevel(bank))
    if (followUpsOf(bank, q).length > 3) problems.push(`${q.lesson}#${q.id} has more than three follow-ups`);
  return problems;
}

/** What is wrong with a question, if anything: an empty list means it is sound. */
export function problemsOf(q: InterviewQuestion, root = repoRoot): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9-]+$/.test(q.id)) problems.push(`id "${q.id}" is not kebab-case`);
  if (!["easy", "medium", "hard"].includes(q.difficulty)) problems.push(`difficulty "${q.difficulty}"`);
  if (!q.question.en || !q.question.zh) problems.push("the question needs English and 中文");
  if (q.keyPoints.en.length < 3 || q.keyPoints.zh.length < 3)
    problems.push("needs ≥3 key points in each language");
  problems.push(...proofProblems(q.prove, root));
  return problems;
}

/** A proof runs a test that exists (file + a test name the pattern matches) or a root script. */
function proofProblems(prove: string, root: string): string[] {
  // `pnpm compare --check` runs the comparison drift tests that `pnpm test` leaves out.
  const test = /^pnpm (?:vitest run|compare --check) (\S+) -t "([^"]+)"$/.exec(prove);
  if (test) {
    const [, file = "", pattern = ""] = test;
    const path = join(root, file);
    if (!existsSync(path)) return [`proof file ${file} does not exist`];
    // The test file, and the files it imports next to it: a shared suite
    // (lesson 06's chat-page.ts) registers its tests from the file that runs it.
    const text = readFileSync(path, "utf8");
    const shared = [...text.matchAll(/from "(\.\/[^"]+\.ts)"/g)]
      .map(([, relative = ""]) => join(dirname(path), relative))
      .filter((sharedPath) => existsSync(sharedPath))
      .map((sharedPath) => readFileSync(sharedPath, "utf8"));
    const names = [text, ...shared].flatMap((source) => [
      ...source.matchAll(/\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(["'`])(.+?)\1/g),
    ]);
    const matcher = new RegExp(pattern);
    return names.some((m) => matcher.test(m[2] ?? "")) ? [] : [`no test in ${file} matches -t "${pattern}"`];
  }
  const script = /^pnpm ([a-z:-]+)(?: .*)?$/.exec(prove)?.[1];
  const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts ?? {};
  if (script && script in scripts) return [];
  return [`proof "${prove}" is neither \`pnpm vitest run <file> -t "<name>"\` nor a root script`];
}
