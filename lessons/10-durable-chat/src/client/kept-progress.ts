// What a reload must not lose, kept where it survives one. The chat's id is in the URL
// (the same in every tab, and shareable); the run this tab is reading, the last offset it
// received and the text so far are in sessionStorage (this tab only, gone with the tab).
// The answer itself is in the server's log: this is only where to continue it.

export interface Progress {
  runId: string;
  /** The answer's message id. */
  messageId: string;
  /** The offset of the last token received; -1 before the first. */
  offset: number;
  text: string;
}

const key = (chatId: string) => `lesson-10:${chatId}`;

export function keptProgress(chatId: string, storage: Storage = sessionStorage): Progress | undefined {
  try {
    const kept = JSON.parse(storage.getItem(key(chatId)) ?? "null") as Progress | null;
    return kept && typeof kept.offset === "number" && typeof kept.text === "string" ? kept : undefined;
  } catch {
    return undefined; // unreadable: read the run from its start instead
  }
}

// #region keep-progress
/** Called after every token: a reload at any moment resumes from exactly here. */
export function keepProgress(chatId: string, progress: Progress, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(key(chatId), JSON.stringify(progress));
  } catch {
    // storage full or refused (a private window): a reload then reads from the start, which is still exact
  }
}
// #endregion

export function forgetProgress(chatId: string, storage: Storage = sessionStorage): void {
  storage.removeItem(key(chatId));
}
