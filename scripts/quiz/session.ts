// One drill: ask, let the user answer, reveal, let them mark it. The I/O is
// injected, so the loop is tested without a terminal.
import type { InterviewQuestion } from "../interview.ts";
import { type Mark, type Progress, record } from "./progress.ts";
import { answerText, difficultyText, type Language, questionText } from "./render.ts";
import { keyOf } from "./select.ts";

export interface SessionIO {
  /** Shows the question; resolves when the user is ready to see the answer (undefined: quit). */
  ask(title: string, question: string): Promise<string | undefined>;
  reveal(answer: string): void;
  /** undefined: quit. */
  mark(): Promise<Mark | undefined>;
  save(progress: Progress): void;
}

export async function runSession(
  questions: InterviewQuestion[],
  language: Language,
  progress: Progress,
  io: SessionIO,
  /** A question's follow-ups (追问), asked right after it, as an interviewer would. */
  followUps: (q: InterviewQuestion) => InterviewQuestion[] = () => [],
): Promise<Record<Mark, number>> {
  const tally: Record<Mark, number> = { known: 0, shaky: 0, unknown: 0 };
  progress.session++;
  for (const [i, q] of questions.entries()) {
    const chain = [q, ...followUps(q)];
    for (const [depth, asked] of chain.entries()) {
      const where =
        depth === 0
          ? `${i + 1}/${questions.length}`
          : `${i + 1}/${questions.length} · follow-up ${depth} · 追问`;
      const title = `${where} · ${asked.lesson} · ${difficultyText(asked, language)}`;
      if ((await io.ask(title, questionText(asked, language))) === undefined) return tally;
      io.reveal(answerText(asked, language));
      const mark = await io.mark();
      if (!mark) return tally;
      record(progress, keyOf(asked), mark);
      tally[mark]++;
      io.save(progress); // after every answer: Ctrl+C loses nothing
    }
  }
  return tally;
}
