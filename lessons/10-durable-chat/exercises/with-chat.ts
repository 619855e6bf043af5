// For the checks: lesson 10's server built from the code under check, on 127.0.0.1:0, its
// model writing a token every TOKEN_MS (or waiting where a check holds it), and what a page
// does to it over real HTTP: send a message, read a run from an offset, look, press Stop.
import { randomUUID } from "node:crypto";
import { CheckFailed, type CheckMessage, type LessonCode, must, within } from "@workshop/exercises";
import { withLessonServer } from "@workshop/exercises/lesson-server";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { connectSse, postJson, type SseRecording } from "@workshop/testkit";
import { countingGenerations } from "../src/compare/count-generations.ts";
import type { ChatView, EndData, MessageView, RunStarted, SendBody, TokenData } from "../src/protocol.ts";
import type * as App from "../src/server/app.ts";

export const PROMPT = "why stream?";
/** The answer to PROMPT, token by token. */
export const REPLY = createMockLlm().replyTokens(PROMPT);
export const TOKEN_MS = 2;
/**
 * The hang guard: ten replies' time (a reply is REPLY.length tokens, one every TOKEN_MS,
 * about 0.25 s). On the lesson's code every wait ends on its event well within one reply;
 * a stub never sends what is waited for, and this is how long it takes to say so.
 */
export const GUARD_MS = 10 * REPLY.length * TOKEN_MS;

type Options = Omit<NonNullable<Parameters<typeof App.createServer>[0]>, "llm">;
type Running = Parameters<Parameters<typeof withLessonServer<typeof App>>[2]>[0];
export type Lesson = Running & {
  client: ReturnType<typeof chatClient>;
  /** Generations the model was asked for: what a provider would bill. */
  generations(): number;
};

export function withChat(code: LessonCode, options: Options, use: (lesson: Lesson) => Promise<void>) {
  return withLessonServer<typeof App>(
    code,
    { ...options, timing: steadyTiming(TOKEN_MS) },
    async (running) => {
      const { generations } = countingGenerations(running.llm);
      await use({ ...running, client: chatClient(running.url), generations });
    },
  );
}

export const newChatId = () => `c-${randomUUID()}`;
export const newMessage = (parentId: string | null = null) => ({
  id: `m-${randomUUID()}`,
  text: PROMPT,
  parentId,
});

export function chatClient(url: string) {
  return {
    /** POST /api/chats/:chatId/messages: the run it started, or the status and error it answered. */
    async post(
      chatId: string,
      body: SendBody,
    ): Promise<{ status: number; started?: RunStarted; text: string }> {
      const response = await postJson(`${url}/api/chats/${chatId}/messages`, body);
      const text = await response.text();
      return response.status === 202
        ? { status: 202, started: JSON.parse(text) as RunStarted, text }
        : { status: response.status, text };
    },
    /** The same, for a send that must start (or join) a run: anything but 202 fails the check. */
    async send(chatId: string, body: SendBody): Promise<RunStarted> {
      const { status, started, text } = await this.post(chatId, body);
      must(started, {
        en: `POST /api/chats/${chatId}/messages answered ${status} ${text}, not 202 and a run`,
        zh: `POST /api/chats/${chatId}/messages 返回的是 ${status} ${text}，而不是 202 和一个 run`,
      });
      return started;
    },
    /** GET /api/runs/:runId/events, after a kept offset (?after=) or with a Last-Event-ID header. */
    read(runId: string, { after, lastEventId }: { after?: string | number; lastEventId?: string } = {}) {
      const query = after === undefined ? "" : `?after=${after}`;
      const headers: Record<string, string> =
        lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId };
      return connectSse(`${url}/api/runs/${runId}/events${query}`, { headers });
    },
    async view(chatId: string): Promise<ChatView> {
      const response = await fetch(`${url}/api/chats/${chatId}`);
      must(response.ok, {
        en: `GET /api/chats/${chatId} answered ${response.status}`,
        zh: `GET /api/chats/${chatId} 返回了 ${response.status}`,
      });
      return (await response.json()) as ChatView;
    },
    /** POST /api/chat/:chatId/stop: the run it stopped, or null. */
    async stop(chatId: string): Promise<string | null> {
      const response = await postJson(`${url}/api/chat/${chatId}/stop`, {});
      return ((await response.json()) as { stopped: string | null }).stopped;
    },
  };
}

/** The tokens a reader got, with their offsets (the events' ids). */
export const tokensOf = (recording: SseRecording) =>
  recording.events
    .filter((e) => e.type === "token")
    .map((e) => ({ offset: Number(e.lastEventId), text: (JSON.parse(e.data) as TokenData).text }));

export const offsetsOf = (recording: SseRecording) => tokensOf(recording).map((t) => t.offset);

export const textOf = (recording: SseRecording) =>
  tokensOf(recording)
    .map((t) => t.text)
    .join("");

export const endOf = (recording: SseRecording): EndData | undefined => {
  const end = recording.events.find((e) => e.type === "end");
  return end ? (JSON.parse(end.data) as EndData) : undefined;
};

/** What a reader got, for a message: "3 tokens (offsets 0 to 2), no `end`". */
export function got(recording: SseRecording): string {
  const offsets = offsetsOf(recording);
  const range = offsets.length === 0 ? "" : ` (offsets ${offsets[0]} to ${offsets.at(-1)})`;
  const end = endOf(recording);
  return `${offsets.length} token(s)${range}, ${end ? `then end ${JSON.stringify(end)}` : "no `end`"}`;
}

/** got(), in 中文 for a message's zh: "3 个 token（偏移量 0 到 2），没有 `end`". */
export function gotZh(recording: SseRecording): string {
  const offsets = offsetsOf(recording);
  const range = offsets.length === 0 ? "" : `（偏移量 ${offsets[0]} 到 ${offsets.at(-1)}）`;
  const end = endOf(recording);
  return `${offsets.length} 个 token${range}，${end ? `然后是 end ${JSON.stringify(end)}` : "没有 `end`"}`;
}

/** A message in both languages, for the helpers below that add to it (one sentence stays itself in both). */
const inBoth = (message: CheckMessage) =>
  typeof message === "string" ? { en: message, zh: message } : message;

/**
 * Waits until the reader's recording holds `check`; fails with `message` and what the reader got
 * as soon as its stream ends without it, or if nothing more comes within GUARD_MS.
 */
export async function until(
  recording: SseRecording,
  check: (recording: SseRecording) => boolean,
  message: CheckMessage,
): Promise<void> {
  const held = recording.waitFor(check).then(
    () => true,
    () => false,
  );
  const ended = recording.ended.then(() => check(recording));
  const { en, zh } = inBoth(message);
  try {
    if (await within(Promise.race([held, ended]), GUARD_MS, message)) return;
  } catch {
    throw new CheckFailed({
      en: `${en} (it got ${got(recording)})`,
      zh: `${zh}（它收到的是：${gotZh(recording)}）`,
    });
  }
  throw new CheckFailed({
    en: `${en} (its stream ended after ${got(recording)})`,
    zh: `${zh}（它的流已经结束，收到的是：${gotZh(recording)}）`,
  });
}

export const untilTokens = (recording: SseRecording, count: number, message: CheckMessage) =>
  until(recording, (r) => tokensOf(r).length >= count, message);

export const untilEnd = (recording: SseRecording, message: CheckMessage) =>
  until(recording, (r) => endOf(r) !== undefined, message);

export const answerIn = (view: ChatView, messageId: string): MessageView | undefined =>
  view.messages.find((m) => m.id === messageId);

/** Resolves with the chat once `check` holds of it (what the server writes when a run ends); else `message`. */
export async function untilChat(
  lesson: Lesson,
  chatId: string,
  check: (view: ChatView) => boolean,
  message: (view: ChatView) => CheckMessage,
): Promise<ChatView> {
  const deadline = performance.now() + GUARD_MS;
  for (;;) {
    const view = await lesson.client.view(chatId);
    if (check(view)) return view;
    if (performance.now() > deadline) throw new CheckFailed(message(view));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Sends and reads in one request, as the AI SDK's transport does (POST /api/chat): the
 * server counts the reader before the request returns, so no unread stop can come first.
 */
export function sendAndRead(url: string, chatId: string, message: { id: string; text: string }) {
  return connectSse(`${url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      id: chatId,
      trigger: "submit-message",
      messages: [{ id: message.id, role: "user", parts: [{ type: "text", text: message.text }] }],
    }),
  });
}
