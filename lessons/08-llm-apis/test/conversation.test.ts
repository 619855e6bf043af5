// A long conversation never jams: the page sends the latest messages that fit the
// server's LIMITS (src/client/conversation.ts), where the whole history is refused.
import { createMockLlm } from "@workshop/mock-llm";
import { apiErrorOf, postJson, startLesson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesToSend } from "../src/client/conversation.ts";
import { type ChatRequest, LIMITS } from "../src/protocol.ts";
import { createServer } from "../src/server/app.ts";

type Message = ChatRequest["messages"][number];

let lesson: Awaited<ReturnType<typeof startLesson<ReturnType<typeof createServer>>>>;
beforeAll(async () => {
  lesson = await startLesson(createServer({ llm: createMockLlm({ timing: "instant" }), env: {} }));
});
afterAll(() => lesson?.close());

/** `pairs` question-and-answer turns, each answer `answerLength` characters of 流 (3 bytes each), then a question. */
const conversation = (pairs: number, answerLength: number): Message[] => [
  ...Array.from({ length: pairs }, (_, i): Message[] => [
    { role: "user", content: `question ${i}` },
    { role: "assistant", content: "流".repeat(answerLength) },
  ]).flat(),
  { role: "user", content: "and now?" },
];

const chat = (messages: Message[]) =>
  postJson(`${lesson.url}/api/chat`, { provider: "openai-chat", messages });

describe("the page keeps a long conversation within what the server takes", () => {
  it.each([
    ["more messages than the server takes", conversation(30, 10), 400],
    ["more bytes than the server takes", conversation(10, LIMITS.contentLength), 413],
    ["an answer longer than one message may be", conversation(1, LIMITS.contentLength + 1), 400],
  ] as const)(
    "%s: sent whole it is refused, sent as the page sends it it is answered",
    async (_name, history, refused) => {
      const whole = await chat(history);
      expect(whole.status).toBe(refused);
      expect((await apiErrorOf(whole)).code).toBeTruthy();

      const sent = messagesToSend(history);
      expect(sent.at(-1), "the new question is always sent").toEqual({ role: "user", content: "and now?" });
      expect(sent.length).toBeLessThanOrEqual(LIMITS.messages);
      const answered = await chat(sent);
      expect(answered.status).toBe(200);
      expect(await answered.text()).toContain('"type":"finish"');
    },
  );

  it("drops the oldest messages first and never sends an empty one", () => {
    const history: Message[] = [
      { role: "user", content: "first" },
      { role: "assistant", content: "   " },
      ...conversation(LIMITS.messages, 1),
    ];
    const sent = messagesToSend(history);
    expect(sent).toHaveLength(LIMITS.messages);
    expect(sent).toEqual(history.slice(-LIMITS.messages));
    expect(messagesToSend(history.slice(0, 3))).toEqual([history[0], history[2]]);
  });
});
