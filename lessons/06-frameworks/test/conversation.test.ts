// One long or blank answer must not jam the conversation: requestFor keeps what both
// pages send within lesson 04's ChatRequest, where the raw history is refused.
import { MAX_CONTENT_LENGTH, MAX_MESSAGES } from "@workshop/04-llm-chat/protocol";
import { postJson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Message, message, requestFor } from "../src/stream/conversation.ts";
import { startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>>;
beforeAll(async () => {
  lesson = await startLesson();
});
afterAll(() => lesson?.close());

const chat = (body: unknown) => postJson(`${lesson.url}/api/chat`, body);
const withAnswer = (answer: string): Message[] => [
  message("user", "first question"),
  message("assistant", answer),
  message("user", "and the next one?"),
];

describe("what the pages send for the next answer", () => {
  it.each([
    ["an answer longer than a message may be", withAnswer("流".repeat(MAX_CONTENT_LENGTH + 1))],
    ["an answer of only spaces", withAnswer("   ")],
    [
      "more messages than the server takes",
      Array.from({ length: MAX_MESSAGES + 1 }, (_, i) => message(i % 2 ? "assistant" : "user", `turn ${i}`)),
    ],
  ] as const)(
    "after %s, the raw history is refused, and requestFor's is answered",
    async (_name, history) => {
      const raw = { messages: history.map(({ role, content }) => ({ role, content })) };
      expect((await chat(raw)).status).toBe(400);
      const request = requestFor(history);
      expect(request.messages.at(-1)).toEqual({ role: "user", content: history.at(-1)?.content });
      const answered = await chat(request);
      expect(answered.status).toBe(200);
      expect(await answered.text()).toContain("[DONE]");
    },
  );
});
