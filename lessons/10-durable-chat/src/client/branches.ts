// The conversation is a tree: a regenerated answer is a sibling of the old one. The page
// shows one branch, and lets the reader step between an answer's versions (‹ 1 / 2 ›).
import type { MessageView } from "../protocol.ts";

/** The messages with the same parent, oldest first (the server lists them in that order). */
export function siblingsOf(messages: readonly MessageView[], message: MessageView): MessageView[] {
  return messages.filter((m) => m.parentId === message.parentId && m.role === message.role);
}

/** From `message` down to a leaf, taking the newest child at each step. */
export function branchThrough(messages: readonly MessageView[], message: MessageView): MessageView[] {
  const above: MessageView[] = [];
  for (let m: MessageView | undefined = message; m; m = messages.find((p) => p.id === m?.parentId))
    above.unshift(m);
  const below: MessageView[] = [];
  for (let m = message; ; ) {
    const child = messages.filter((c) => c.parentId === m.id).at(-1);
    if (!child) break;
    below.push(child);
    m = child;
  }
  return [...above, ...below];
}
