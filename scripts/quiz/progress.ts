// Spaced repetition with Leitner boxes. A question you know moves up a box
// and comes back less often; shaky or unknown drops down and comes back soon.
// Progress lives in a local, git-ignored file.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export type Mark = "known" | "shaky" | "unknown";
export const BOXES = 5;

export interface Card {
  box: number; // 1 (every session) … 5 (every 16th)
  lastSession: number;
  lastMark: Mark;
}

export interface Progress {
  session: number;
  cards: Record<string, Card>;
}

export const emptyProgress = (): Progress => ({ session: 0, cards: {} });

// #region leitner
export function nextBox(box: number, mark: Mark): number {
  if (mark === "known") return Math.min(BOXES, box + 1);
  if (mark === "shaky") return Math.max(1, box - 1);
  return 1;
}

/** Box 1 is due every session, box 2 every 2nd, box 3 every 4th… Unseen cards are due. */
export function isDue(card: Card | undefined, session: number): boolean {
  return !card || session - card.lastSession >= 2 ** (card.box - 1);
}
// #endregion

export function record(progress: Progress, key: string, mark: Mark): void {
  const box = nextBox(progress.cards[key]?.box ?? 1, mark);
  progress.cards[key] = { box, lastSession: progress.session, lastMark: mark };
}

export function loadProgress(path: string): Progress {
  if (!existsSync(path)) return emptyProgress();
  try {
    return { ...emptyProgress(), ...(JSON.parse(readFileSync(path, "utf8")) as Progress) };
  } catch {
    return emptyProgress(); // a corrupt file is not worth a crash
  }
}

export function saveProgress(path: string, progress: Progress): void {
  writeFileSync(path, `${JSON.stringify(progress, null, 2)}\n`);
}
