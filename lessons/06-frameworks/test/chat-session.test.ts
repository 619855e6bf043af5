// The chat session both pages adapt, in Node, with a reader the test controls: which answer
// may write, and what replacing the conversation does to the answer in progress.
import { describe, expect, it } from "vitest";
import { createChatSession } from "../src/stream/chat-session.ts";
import type { Message } from "../src/stream/conversation.ts";
import { createFrameBatchedText } from "../src/stream/frame-batched-text.ts";

/**
 * A reader whose answer the test writes token by token. Like a reader that has not noticed the
 * abort yet, it goes on yielding what it was given: the session must not write it.
 */
function heldReader() {
  const answers: { signal: AbortSignal; push(text: string): void; end(): void }[] = [];
  const read = (_request: unknown, signal: AbortSignal) => {
    const queue: (string | null)[] = [];
    let wake = () => {};
    answers.push({
      signal,
      push(text) {
        queue.push(text);
        wake();
      },
      end() {
        queue.push(null);
        wake();
      },
    });
    return (async function* () {
      for (;;) {
        const next = queue.shift();
        if (next === null) return;
        if (next !== undefined) yield next;
        else
          await new Promise<void>((resolve) => {
            wake = resolve;
            signal.addEventListener("abort", () => resolve(), { once: true });
          });
      }
    })();
  };
  return { read, answers };
}

const noFrames = () =>
  createFrameBatchedText((notify) => setTimeout(notify) as unknown as number, clearTimeout);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function session() {
  const reader = heldReader();
  let shown: Message[] = [];
  const chat = createChatSession(
    (list) => {
      shown = list;
    },
    { read: reader.read, createLive: noFrames },
  );
  return { chat, reader, shown: () => shown };
}

describe("the chat session", () => {
  it("keeps the answer's text under its own message when it ends", async () => {
    const { chat, reader, shown } = session();
    chat.send("hi");
    await settle();
    reader.answers[0]?.push("hello ");
    reader.answers[0]?.push("there");
    reader.answers[0]?.end();
    await settle();
    expect(shown().map((m) => [m.role, m.content, m.status])).toEqual([
      ["user", "hi", "done"],
      ["assistant", "hello there", "done"],
    ]);
  });

  it("replacing the conversation mid-answer ends that answer, and the new list stays whole", async () => {
    const { chat, reader, shown } = session();
    chat.send("hi");
    await settle();
    reader.answers[0]?.push("partial");
    await settle();
    const loaded = [{ id: -1, role: "user" as const, content: "loaded", status: "done" as const }];
    chat.setMessages(loaded);
    expect(reader.answers[0]?.signal.aborted, "the model must stop for a conversation nobody shows").toBe(
      true,
    );
    reader.answers[0]?.push(" more");
    await settle();
    expect(shown()).toEqual(loaded);
  });

  it("a new answer stops the one in progress, which never writes again", async () => {
    const { chat, reader, shown } = session();
    chat.send("first");
    await settle();
    chat.send("second");
    await settle();
    expect(reader.answers[0]?.signal.aborted).toBe(true);
    reader.answers[0]?.push("late"); // a reader that has not noticed the abort yet
    reader.answers[1]?.push("two");
    reader.answers[1]?.end();
    await settle();
    expect(shown().at(-1)?.content).toBe("two");
    expect(shown().some((m) => m.content.includes("late"))).toBe(false);
  });
});
