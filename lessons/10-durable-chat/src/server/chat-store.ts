// Where a chat's messages live: a tree (each message names its parent, so a
// regenerated answer is a sibling of the old one), the leaf shown last, and the one
// run in progress. In memory, or in Redis (chat-store-redis.ts) beside the runs.
import type { MessageView } from "../protocol.ts";

/** A message as the page sees it (protocol.ts), and when it was added: orders siblings, "version 1 / 2". */
export type StoredMessage = MessageView & { createdAt: number };

export interface ActiveRun {
  runId: string;
  /** The answer it generates. */
  messageId: string;
  /** The user message it answers. */
  parentId: string;
}

export interface ChatStore {
  /** Adds the message unless the chat has one with its id: true when this call added it. */
  addMessage(chatId: string, message: StoredMessage): Promise<boolean>;
  /** Changes a message that exists (an answer's text and status when its run ends). */
  updateMessage(chatId: string, message: StoredMessage): Promise<void>;
  messages(chatId: string): Promise<StoredMessage[]>;
  /** Claims the chat's one run slot: false when another run holds it. */
  claimActive(chatId: string, run: ActiveRun): Promise<boolean>;
  /** Fills in the slot this caller claimed (its run id is known once the run has started). */
  setActive(chatId: string, run: ActiveRun): Promise<void>;
  /** Frees the slot if `runId` still holds it. */
  releaseActive(chatId: string, runId: string): Promise<void>;
  active(chatId: string): Promise<ActiveRun | undefined>;
  setLeaf(chatId: string, messageId: string): Promise<void>;
  leaf(chatId: string): Promise<string | undefined>;
}

interface MemoryChat {
  messages: Map<string, StoredMessage>;
  active?: ActiveRun;
  leaf?: string;
}

/**
 * One process's chats. Bounded: beyond `maxChats` the chat touched longest ago is let
 * go of (a Map keeps insertion order; a touched chat moves to the end).
 */
export function createMemoryChatStore({ maxChats = 10_000 } = {}): ChatStore {
  const chats = new Map<string, MemoryChat>();
  const chat = (id: string): MemoryChat => {
    const found = chats.get(id) ?? { messages: new Map() };
    chats.delete(id);
    chats.set(id, found);
    for (const [oldest, kept] of chats) {
      if (chats.size <= maxChats) break;
      if (!kept.active) chats.delete(oldest);
    }
    return found;
  };
  return {
    async addMessage(chatId, message) {
      const messages = chat(chatId).messages;
      if (messages.has(message.id)) return false;
      messages.set(message.id, { ...message });
      return true;
    },
    async updateMessage(chatId, message) {
      chat(chatId).messages.set(message.id, { ...message });
    },
    async messages(chatId) {
      return [...(chats.get(chatId)?.messages.values() ?? [])].map((m) => ({ ...m }));
    },
    async claimActive(chatId, run) {
      const found = chat(chatId);
      if (found.active) return false;
      found.active = run;
      return true;
    },
    async setActive(chatId, run) {
      chat(chatId).active = run;
    },
    async releaseActive(chatId, runId) {
      const found = chats.get(chatId);
      if (found?.active?.runId === runId) found.active = undefined;
    },
    async active(chatId) {
      return chats.get(chatId)?.active;
    },
    async setLeaf(chatId, messageId) {
      chat(chatId).leaf = messageId;
    },
    async leaf(chatId) {
      return chats.get(chatId)?.leaf;
    },
  };
}
