// `pnpm quiz --mock`: a mock interview. A few topics from different lessons, each question
// followed by its follow-ups (追问), a self-grade per answer (0 / 1 / 2), and at the end
// what to redo: the weak topics, their lessons' exercises and the commands that prove them.
// The I/O is injected, so the interview is tested without a terminal.
import { followUpsOf, type InterviewQuestion, topLevel } from "../interview.ts";
import { type Mark, type Progress, record } from "./progress.ts";
import { answerText, difficultyText, type Language, questionText } from "./render.ts";
import { keyOf, selectQuestions } from "./select.ts";

/** 0: could not answer · 1: part of it · 2: all the key points. */
export type Grade = 0 | 1 | 2;
const MARKS: Record<Grade, Mark> = { 0: "unknown", 1: "shaky", 2: "known" };

export interface MockOptions {
  /** Only this lesson ("02" or "02-sse"); otherwise one topic from each of several lessons. */
  lesson?: string;
  /** Topics (top-level questions); each brings its follow-ups. */
  topics?: number;
}

/**
 * The interview's topics: due and least-known first, one lesson after another (so four topics
 * come from four lessons), each with its follow-ups in order.
 */
export function mockInterview(
  bank: InterviewQuestion[],
  progress: Progress,
  { lesson, topics = 4 }: MockOptions,
  random: () => number = Math.random,
): InterviewQuestion[][] {
  const picked = selectQuestions(bank, progress, { lessons: lesson ? [lesson] : undefined }, random);
  const chosen: InterviewQuestion[] = [];
  // One per lesson first; then, if the interview needs more topics than lessons, more from the same.
  for (const q of picked)
    if (chosen.length < topics && !chosen.some((c) => c.lesson === q.lesson)) chosen.push(q);
  for (const q of picked) if (chosen.length < topics && !chosen.includes(q)) chosen.push(q);
  return chosen.map((q) => [q, ...followUpsOf(bank, q)]);
}

export interface Graded {
  question: InterviewQuestion;
  grade: Grade;
  seconds: number;
}

export interface MockIO {
  /** Shows the question and waits for the answer (undefined: the candidate stopped). */
  ask(title: string, question: string): Promise<{ seconds: number } | undefined>;
  reveal(keyPoints: string): void;
  grade(): Promise<Grade | undefined>;
  save(progress: Progress): void;
}

export async function runMockInterview(
  interview: InterviewQuestion[][],
  language: Language,
  progress: Progress,
  io: MockIO,
): Promise<Graded[]> {
  const graded: Graded[] = [];
  progress.session++;
  for (const [t, chain] of interview.entries()) {
    for (const [depth, question] of chain.entries()) {
      const followUp = depth === 0 ? "" : language === "zh" ? ` · 追问 ${depth}` : ` · follow-up ${depth}`;
      const title = `${t + 1}/${interview.length}${followUp} · ${question.lesson} · ${difficultyText(question, language)}`;
      const answered = await io.ask(title, questionText(question, language));
      if (!answered) return graded;
      io.reveal(answerText(question, language));
      const grade = await io.grade();
      if (grade === undefined) return graded;
      graded.push({ question, grade, seconds: answered.seconds });
      record(progress, keyOf(question), MARKS[grade]);
      io.save(progress); // after every answer: stopping loses nothing
    }
  }
  return graded;
}

/** What to do next: the weak answers, the lessons and exercises to redo, the proofs to run. */
export function mockSummary(
  graded: Graded[],
  exercisesOf: (lesson: string) => string[],
  language: Language,
): string {
  const zh = language === "zh";
  const score = graded.reduce((sum, g) => sum + g.grade, 0);
  const lines = [
    zh
      ? `## 模拟面试小结：${score} / ${graded.length * 2} 分，${graded.length} 个回答`
      : `## Mock interview: ${score} / ${graded.length * 2} points over ${graded.length} answer${graded.length === 1 ? "" : "s"}`,
  ];
  const weak = graded.filter((g) => g.grade < 2);
  if (weak.length === 0) {
    lines.push(
      zh
        ? "每个回答都答全了要点。换几个课再来一轮：`pnpm quiz --mock`。"
        : "Every answer had all its key points. Try other lessons: `pnpm quiz --mock`.",
    );
    return lines.join("\n\n");
  }
  lines.push(
    zh ? "### 薄弱的题目" : "### Weak topics",
    weak
      .map(
        (g) =>
          `- ${g.question.lesson} · ${g.question.id} (${g.grade}/2, ${g.seconds} s): ${questionText(g.question, language)}`,
      )
      .join("\n"),
  );
  const lessons = [...new Set(weak.map((g) => g.question.lesson))];
  lines.push(
    zh ? "### 要重做的课和练习" : "### Lessons and exercises to redo",
    lessons
      .map((lesson) => {
        const exercises = exercisesOf(lesson);
        const redo = exercises.length ? exercises.map((id) => `\`pnpm exercise ${id}\``).join(", ") : "—";
        return `- lessons/${lesson}/README.md · ${redo}`;
      })
      .join("\n"),
  );
  lines.push(
    zh ? "### 跑一遍这些证明" : "### Run the proofs",
    [...new Set(weak.map((g) => g.question.prove))].map((prove) => `- \`${prove}\``).join("\n"),
  );
  return lines.join("\n\n");
}

/** Without a terminal: the interview as markdown (questions, follow-ups, key points), never waiting. */
export function mockSheet(interview: InterviewQuestion[][], language: Language): string {
  const zh = language === "zh";
  const blocks = interview.map((chain, t) =>
    chain
      .map((q, depth) => {
        const heading = depth === 0 ? `## ${t + 1}.` : `### ${zh ? "追问" : "Follow-up"} ${t + 1}.${depth}:`;
        return `${heading} ${questionText(q, language).replace(/\n/g, " / ")}\n\n_${q.lesson} · ${q.id} · ${difficultyText(q, language)}_\n\n${answerText(q, language)}`;
      })
      .join("\n\n"),
  );
  const title = zh ? "# 模拟面试" : "# Mock interview";
  return [title, ...blocks].join("\n\n");
}

/** How many top-level questions and follow-ups the bank holds (the intro line). */
export const bankSize = (bank: InterviewQuestion[]) => ({
  questions: topLevel(bank).length,
  followUps: bank.length - topLevel(bank).length,
});
