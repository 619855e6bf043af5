// `?trap=name` puts one common mistake back, so the class can watch it fail
// beside the fix (README "The traps"). Each is named for what it shows; the
// page says which one is on (trap-banner.ts).
import type { ChatSessionParts } from "./chat-session.ts";
import { createPerTokenText } from "./traps/per-token-text.ts";
import { readLikeTheTutorial } from "./traps/tutorial-reader.ts";

export type Page = "react" | "vue";

const BOTH: readonly Page[] = ["react", "vue"];

export const TRAPS = {
  "per-token": { pages: BOTH, shows: "every token is a render (no frame batching)" },
  "tutorial-reader": {
    pages: BOTH,
    shows:
      "a tutorial's stream reader decodes each network read on its own: a character cut between two reads shows �",
  },
  "no-abort": { pages: BOTH, shows: "closing the chat leaves the model generating (nothing aborts it)" },
  "no-close": { pages: BOTH, shows: "the notifications badge never closes its EventSource" },
  stale: {
    pages: ["react"] as readonly Page[],
    shows: "the badge's handler reads the first render's state, so Mute does not mute",
  },
} as const;

export type Trap = keyof typeof TRAPS;

/** What the address asks for (`?trap=`), a trap or not; "" when it asks for none. */
export const askedTrap = new URLSearchParams(globalThis.location?.search ?? "").get("trap") ?? "";
/** The trap this page runs, or "" for the fix. */
export const trap: Trap | "" = Object.hasOwn(TRAPS, askedTrap) ? (askedTrap as Trap) : ""; // not "in": ?trap=constructor

/** The traps that live in the chat session, the same for React and Vue: a different store or reader. */
export const sessionParts: Partial<Record<Trap, ChatSessionParts>> = {
  "per-token": { createLive: createPerTokenText },
  "tutorial-reader": { read: readLikeTheTutorial },
};
