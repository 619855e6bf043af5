// Which questions a session asks, in which order.
import type { InterviewQuestion } from "../interview.ts";
import { isDue, type Progress } from "./progress.ts";

export const keyOf = (q: InterviewQuestion) => `${q.lesson}#${q.id}`;

export interface Selection {
  lessons?: string[]; // "01", "02-sse"…; all when absent
  review?: boolean; // only questions last marked shaky or unknown
  count?: number;
}

export function selectQuestions(
  bank: InterviewQuestion[],
  progress: Progress,
  options: Selection,
): InterviewQuestion[] {
  const inLessons = bank.filter(
    (q) =>
      !options.lessons?.length || options.lessons.some((l) => q.lesson === l || q.lesson.startsWith(`${l}-`)),
  );
  const pool = options.review
    ? inLessons.filter((q) => ["shaky", "unknown"].includes(progress.cards[keyOf(q)]?.lastMark ?? ""))
    : inLessons;
  // Due first, lowest box (least known) first; stable otherwise, in bank order.
  const rank = (q: InterviewQuestion) => {
    const card = progress.cards[keyOf(q)];
    return (isDue(card, progress.session + 1) ? 0 : 10) + (card?.box ?? 0);
  };
  const ordered = pool.map((q, i) => ({ q, i })).sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i);
  return ordered.slice(0, options.count ?? ordered.length).map(({ q }) => q);
}
