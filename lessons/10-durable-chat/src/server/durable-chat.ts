// The chat on top of the runs: sending starts a run (once per message id), Stop ends it
// from anywhere, a recorder writes the answer into the tree when the run ends, and a run
// nobody reads may be stopped after a while (off by default: a disconnect is not a cancel).
import { randomUUID } from "node:crypto";
import { HttpError } from "@workshop/server-kit";
import { type ChatView, LIMITS, type MessageStatus, type RunStarted, type SendBody } from "../protocol.ts";
import type { ActiveRun, ChatStore, StoredMessage } from "./chat-store.ts";
import type { RunEntry, Runs } from "./runs.ts";

export interface DurableChatOptions {
  runs: Runs;
  store: ChatStore;
  /** Stop a run when nobody has read it for this long (ms). 0, the default: never. */
  unreadStopMs?: number;
  /** Messages one chat keeps, every branch counted; LIMITS.messagesPerChat by default. */
  maxMessages?: number;
}

/** How a run's last entry reads as an answer's status (lesson 07's reasons, in this lesson's words). */
export function statusOf(entry: RunEntry): MessageStatus {
  if (entry.type === "interrupted") return "interrupted";
  if (entry.type !== "done") return "streaming";
  if (entry.reason === "cancelled") return "stopped";
  if (entry.reason === "complete" || entry.reason === "max_tokens" || entry.reason === "failed")
    return entry.reason;
  return "interrupted"; // "shutdown": the server went away mid-answer
}

export function createDurableChat({
  runs,
  store,
  unreadStopMs = 0,
  maxMessages = LIMITS.messagesPerChat,
}: DurableChatOptions) {
  /** Sends in flight in this process, by chat and message: a double click joins the first. */
  const sending = new Map<string, Promise<RunStarted>>();
  const recorders = new Map<string, AbortController>();
  const readers = new Map<string, number>();
  const unreadTimers = new Map<string, NodeJS.Timeout>();

  // #region record-answer
  /** Reads the run to its end, like any reader, and writes the answer into the tree. */
  async function record(chatId: string, answer: StoredMessage, runId: string): Promise<void> {
    if (recorders.has(runId)) return;
    const controller = new AbortController();
    recorders.set(runId, controller);
    let text = "";
    let last: RunEntry | undefined;
    try {
      for await (const entry of runs.read(runId, -1, controller.signal)) {
        last = entry;
        if (entry.type === "token") text += entry.text;
      }
    } catch {
      // the store went away: the answer stays "streaming" until someone reads the run again
    } finally {
      recorders.delete(runId);
      clearTimeout(unreadTimers.get(runId));
      unreadTimers.delete(runId);
    }
    if (!last || last.type === "token") return;
    const tokens = last.tokens;
    await store.updateMessage(chatId, { ...answer, text, status: statusOf(last), tokens });
    await store.releaseActive(chatId, runId);
  }
  // #endregion

  // #region unread-stop
  /** A reader came: no unread stop while it reads. The function it returns says it left. */
  function attachReader(runId: string): () => void {
    readers.set(runId, (readers.get(runId) ?? 0) + 1);
    clearTimeout(unreadTimers.get(runId));
    unreadTimers.delete(runId);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const count = (readers.get(runId) ?? 1) - 1;
      if (count > 0) return void readers.set(runId, count);
      readers.delete(runId);
      if (recorders.has(runId)) waitForReaders(runId);
    };
  }

  function waitForReaders(runId: string): void {
    if (unreadStopMs <= 0) return; // the default: closing every tab does not stop an answer
    const timer = setTimeout(() => {
      unreadTimers.delete(runId);
      void runs.stop(runId).catch(() => {});
    }, unreadStopMs);
    timer.unref();
    unreadTimers.set(runId, timer);
  }
  // #endregion

  /**
   * The run generating an answer to `userId` right now, or (with `orFinished`) its latest
   * answer: what a repeated send reads. A regenerate joins only a run in progress for it.
   */
  async function answerTo(
    chatId: string,
    userId: string,
    orFinished: boolean,
  ): Promise<RunStarted | undefined> {
    for (let attempt = 0; attempt < 40; attempt++) {
      const active = await store.active(chatId);
      if (active?.parentId === userId && active.runId)
        return { runId: active.runId, messageId: active.messageId, userMessageId: userId, repeated: true };
      if (orFinished) {
        const latest = (await store.messages(chatId)).filter((m) => m.parentId === userId && m.runId).at(-1);
        if (latest?.runId)
          return { runId: latest.runId, messageId: latest.id, userMessageId: userId, repeated: true };
      }
      if (active?.parentId !== userId) return undefined;
      // Another instance claimed the run for this very message and is starting it.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return undefined;
  }

  // #region start-answer
  async function startAnswer(chatId: string, user: StoredMessage, isNew: boolean, client?: string) {
    const messageId = randomUUID();
    const claim: ActiveRun = { runId: "", messageId, parentId: user.id };
    // One run per chat at a time, claimed before anything is generated.
    if (!(await store.claimActive(chatId, claim))) {
      const repeat = await answerTo(chatId, user.id, false);
      if (repeat) return repeat;
      throw new HttpError(409, "run_active", "An answer is still coming: wait for it, or press Stop.");
    }
    let runId: string;
    try {
      runId = await runs.start(user.text, client); // 429 over the bounds
    } catch (error) {
      await store.releaseActive(chatId, "");
      throw error; // nothing was kept: the same message may be sent again
    }
    if (isNew) await store.addMessage(chatId, user);
    const answer: StoredMessage = {
      id: messageId,
      role: "assistant",
      parentId: user.id,
      text: "",
      status: "streaming",
      runId,
      createdAt: Date.now(),
    };
    await store.addMessage(chatId, answer);
    await store.setActive(chatId, { ...claim, runId });
    await store.setLeaf(chatId, messageId);
    if (!readers.has(runId)) waitForReaders(runId);
    void record(chatId, answer, runId);
    return { runId, messageId, userMessageId: user.id, repeated: false };
  }
  // #endregion

  // #region send
  async function sendOnce(chatId: string, body: SendBody, client?: string): Promise<RunStarted> {
    const messages = await store.messages(chatId);
    if ("regenerate" in body) {
      const user = messages.find((m) => m.id === body.regenerate && m.role === "user");
      if (!user)
        throw new HttpError(404, "unknown_message", `No user message ${body.regenerate} in this chat.`);
      if (messages.length + 1 > maxMessages) throw chatFull(maxMessages);
      return startAnswer(chatId, user, false, client);
    }
    // #region repeat-send
    if (messages.some((m) => m.id === body.id)) {
      // The same message again (a double click, a retry after a network error): read its answer.
      const repeat = await answerTo(chatId, body.id, true);
      if (repeat) return repeat;
      throw new HttpError(409, "already_answered", `Message ${body.id} was sent and its answer is gone.`);
    }
    // #endregion
    if (body.parentId !== null && !messages.some((m) => m.id === body.parentId))
      throw new HttpError(400, "unknown_parent", `No message ${body.parentId} in this chat.`);
    if (messages.length + 2 > maxMessages) throw chatFull(maxMessages);
    const user: StoredMessage = {
      id: body.id,
      role: "user",
      parentId: body.parentId,
      text: body.text,
      status: "complete",
      createdAt: Date.now(),
    };
    return startAnswer(chatId, user, true, client);
  }

  function send(chatId: string, body: SendBody, client?: string): Promise<RunStarted> {
    // #region join-in-flight
    const key = `${chatId}\n${"regenerate" in body ? `regenerate ${body.regenerate}` : body.id}`;
    const inFlight = sending.get(key);
    if (inFlight) return inFlight.then((started) => ({ ...started, repeated: true }));
    const started = sendOnce(chatId, body, client).finally(() => sending.delete(key));
    sending.set(key, started);
    return started;
    // #endregion
  }
  // #endregion

  return {
    send,
    attachReader,

    /** Stops the chat's run in progress, wherever it runs: its id, or null when none was. */
    async stop(chatId: string): Promise<string | null> {
      const active = await store.active(chatId);
      if (!active?.runId) return null;
      await runs.stop(active.runId);
      return active.runId;
    },

    /** The tree, the current branch and the run in progress; undefined for a chat with no messages. */
    async view(chatId: string): Promise<ChatView | undefined> {
      const messages = await store.messages(chatId);
      if (messages.length === 0) return undefined;
      const active = (await store.active(chatId)) ?? null;
      if (active?.runId) {
        // After a restart nobody records this run here: read it to its end (or to `interrupted`).
        const answer = messages.find((m) => m.id === active.messageId);
        if (answer) void record(chatId, answer, active.runId);
      }
      const byId = new Map(messages.map((m) => [m.id, m]));
      const branch: string[] = [];
      for (let id = await store.leaf(chatId); id; id = byId.get(id)?.parentId ?? undefined)
        branch.unshift(id);
      return {
        id: chatId,
        messages: messages.map(({ createdAt: _, ...m }) => m),
        branch,
        activeRun: active?.runId ? { runId: active.runId, messageId: active.messageId } : null,
      };
    },

    /** The run in progress in this chat, if one is. */
    async activeRun(chatId: string): Promise<ActiveRun | undefined> {
      const active = await store.active(chatId);
      return active?.runId ? active : undefined;
    },

    /** Runs read right now in this process (a test's view of who left). */
    readers: () => [...readers.values()].reduce((a, b) => a + b, 0),

    async close(): Promise<void> {
      for (const timer of unreadTimers.values()) clearTimeout(timer);
      for (const recorder of recorders.values()) recorder.abort();
      await runs.close();
    },
  };
}

function chatFull(maxMessages: number): HttpError {
  return new HttpError(413, "chat_full", `A chat keeps ${maxMessages} messages; start a new one.`);
}

export type DurableChat = ReturnType<typeof createDurableChat>;
