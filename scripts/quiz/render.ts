// The bank as markdown: a study sheet, or one question revealed in a session.
import type { InterviewQuestion } from "../interview.ts";

export type Language = "en" | "zh" | "both";

export function questionText(q: InterviewQuestion, language: Language): string {
  if (language === "en") return q.question.en;
  if (language === "zh") return q.question.zh;
  return `${q.question.en}\n${q.question.zh}`;
}

const DIFFICULTY_ZH: Record<string, string> = { easy: "简单", medium: "中等", hard: "困难" };

export function difficultyText(q: InterviewQuestion, language: Language): string {
  return language === "zh" ? (DIFFICULTY_ZH[q.difficulty] ?? q.difficulty) : q.difficulty;
}

export function answerText(q: InterviewQuestion, language: Language): string {
  const lists: string[] = [];
  if (language !== "zh") lists.push(q.keyPoints.en.map((p) => `- ${p}`).join("\n"));
  if (language !== "en") lists.push(q.keyPoints.zh.map((p) => `- ${p}`).join("\n"));
  return `${lists.join("\n\n")}\n\n${language === "zh" ? "验证：" : "Prove it: "}\`${q.prove}\``;
}

export function studySheet(
  questions: InterviewQuestion[],
  language: Language,
  followUps: (q: InterviewQuestion) => InterviewQuestion[] = () => [],
): string {
  const title = language === "zh" ? "# 流式输出 · 面试题" : "# Streaming output · interview questions";
  const label = language === "zh" ? "追问" : "Follow-up";
  const block = (q: InterviewQuestion, heading: string) =>
    `${heading} ${questionText(q, language).replace(/\n/g, " / ")}\n\n_${q.lesson} · ${q.id} · ${difficultyText(q, language)}_\n\n${answerText(q, language)}`;
  const blocks = questions.map((q, i) =>
    [
      block(q, `## ${i + 1}.`),
      ...followUps(q).map((f, j) => block(f, `### ${label} ${i + 1}.${j + 1}:`)),
    ].join("\n\n"),
  );
  return [title, ...blocks].join("\n\n");
}

export function tableOfContents(bank: InterviewQuestion[]): string {
  // A follow-up's id shows under its question's, marked ↳.
  const rows = bank.map(
    (q) => `| ${q.lesson} | ${q.follows ? `↳ ${q.id}` : q.id} | ${q.difficulty} | ${q.question.en} |`,
  );
  return ["| Lesson | Id | Difficulty | Question |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
