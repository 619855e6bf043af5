// The mock interview in a terminal (or, without one, printed as a sheet). See mock.ts.
import { cancel, intro, isCancel, note, outro, select } from "@clack/prompts";
import { findExercises } from "@workshop/exercises";
import type { InterviewQuestion } from "../interview.ts";
import { type Grade, mockInterview, mockSheet, mockSummary, runMockInterview } from "./mock.ts";
import { type Progress, saveProgress } from "./progress.ts";
import type { Language } from "./render.ts";
import { timedAnswer } from "./timed-answer.ts";

/** Two minutes an answer: about what an interviewer gives one question before moving on. */
const ANSWER_SECONDS = 120;

export async function runMock(
  bank: InterviewQuestion[],
  progress: Progress,
  progressPath: string,
  options: { lesson?: string; topics?: number; language: Language; interactive: boolean },
): Promise<void> {
  const interview = mockInterview(bank, progress, options);
  const zh = options.language === "zh";
  if (!options.interactive) {
    console.log(mockSheet(interview, options.language));
    return;
  }
  if (interview.length === 0) {
    outro(zh ? "没有符合条件的题目。" : "No questions match.");
    return;
  }
  intro(
    zh
      ? `模拟面试：${interview.length} 个话题，带追问`
      : `Mock interview: ${interview.length} topics, with follow-ups`,
  );
  const graded = await runMockInterview(interview, options.language, progress, {
    async ask(title, question) {
      note(question, title);
      return timedAnswer(ANSWER_SECONDS, (elapsed, budget) =>
        zh
          ? `${elapsed} / ${budget}，回答完按 Enter 看要点`
          : `${elapsed} of ${budget}; Enter when done to see the key points`,
      );
    },
    reveal: (keyPoints) => note(keyPoints, zh ? "要点" : "Key points"),
    async grade() {
      const grade = await select({
        message: zh ? "给自己打分" : "Grade yourself",
        options: [
          { value: 2, label: zh ? "2：要点都答到了" : "2: every key point" },
          { value: 1, label: zh ? "1：答到一部分" : "1: some of them" },
          { value: 0, label: zh ? "0：没答上来" : "0: could not answer" },
        ],
      });
      return isCancel(grade) ? undefined : (grade as Grade);
    },
    save: (p) => saveProgress(progressPath, p),
  });
  if (graded.length === 0) {
    cancel(zh ? "下次再来。" : "See you next time.");
    return;
  }
  const exercises = findExercises();
  const exercisesOf = (lesson: string) => exercises.filter((e) => e.lesson === lesson).map((e) => e.id);
  console.log(`\n${mockSummary(graded, exercisesOf, options.language)}\n`);
  outro(
    zh
      ? "进度已保存：`pnpm quiz --review` 专练薄弱题。"
      : "Progress saved: `pnpm quiz --review` drills the weak ones.",
  );
}
