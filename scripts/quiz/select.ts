// Which questions a session asks, in which order.
import { followUpsOf, type InterviewQuestion, topLevel } from "../interview.ts";
import { isDue, type Progress } from "./progress.ts";

export const keyOf = (q: InterviewQuestion) => `${q.lesson}#${q.id}`;

export interface Selection {
  lessons?: string[]; // "01", "02-sse"…; all when absent
  review?: boolean; // only questions last marked shaky or unknown
  count?: number;
}

/**
 * Due first, lowest box (least known) first. Among equals the lessons take turns, each
 * lesson's questions shuffled, so choosing 06–09 asks from all four, not three from 06.
 * `random` is Math.random, seeded in the tests.
 */
export function selectQuestions(
  bank: InterviewQuestion[],
  progress: Progress,
  options: Selection,
  random: () => number = Math.random,
): InterviewQuestion[] {
  // Follow-ups are asked after their question (runSession), never on their own.
  const inLessons = topLevel(bank).filter(
    (q) =>
      !options.lessons?.length || options.lessons.some((l) => q.lesson === l || q.lesson.startsWith(`${l}-`)),
  );
  const weak = (q: InterviewQuestion) =>
    ["shaky", "unknown"].includes(progress.cards[keyOf(q)]?.lastMark ?? "");
  const pool = options.review
    ? inLessons.filter((q) => weak(q) || followUpsOf(bank, q).some(weak))
    : inLessons;
  const rank = (q: InterviewQuestion) => {
    const card = progress.cards[keyOf(q)];
    return (isDue(card, progress.session + 1) ? 0 : 10) + (card?.box ?? 0);
  };
  const ranks = [...new Set(pool.map(rank))].sort((a, b) => a - b);
  const ordered = ranks.flatMap((r) =>
    takeTurns(
      pool.filter((q) => rank(q) === r),
      random,
    ),
  );
  return ordered.slice(0, options.count ?? ordered.length);
}

/** One question from each lesson in turn (lessons in a shuffled order), each lesson's shuffled. */
function takeTurns(questions: InterviewQuestion[], random: () => number): InterviewQuestion[] {
  const byLesson = new Map<string, InterviewQuestion[]>();
  for (const q of questions) byLesson.set(q.lesson, [...(byLesson.get(q.lesson) ?? []), q]);
  const queues = shuffle(
    [...byLesson.values()].map((list) => shuffle(list, random)),
    random,
  );
  const turns: InterviewQuestion[] = [];
  while (queues.some((queue) => queue.length > 0))
    for (const queue of queues) {
      const next = queue.shift();
      if (next) turns.push(next);
    }
  return turns;
}

/** Fisher–Yates, in place. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
