import { defineChecks, must, mustEventually, within } from "@workshop/exercises";
import {
  answerIn,
  endOf,
  GUARD_MS,
  got,
  type Lesson,
  newChatId,
  newMessage,
  PROMPT,
  REPLY,
  sendAndRead,
  untilChat,
  untilEnd,
  untilTokens,
  withChat,
} from "../with-chat.ts";

/**
 * Stop a run nobody has read for this long. The readers below are counted before it could
 * fire (sent and read in one request), so it only needs to be well under GUARD_MS.
 */
const UNREAD_STOP_MS = 250;
const GUARD_S = (GUARD_MS / 1000).toFixed(1);

/** Sends a message in a new chat: the chat, and the run of its answer. */
async function ask(lesson: Lesson) {
  const chatId = newChatId();
  return { chatId, ...(await lesson.client.send(chatId, newMessage())) };
}

const statusOf = async (lesson: Lesson, chatId: string, messageId: string) =>
  answerIn(await lesson.client.view(chatId), messageId)?.status;

/** Waits until the answer is no longer streaming; fails with `message` if it still is after GUARD_MS. */
async function untilAnswerEnds(lesson: Lesson, chatId: string, messageId: string, message: string) {
  const view = await untilChat(
    lesson,
    chatId,
    (v) => answerIn(v, messageId)?.status !== "streaming",
    () => message,
  );
  return answerIn(view, messageId);
}

export default defineChecks({
  "with unreadStopMs set, an answer nobody reads is stopped, its partial answer kept as stopped": (code) =>
    withChat(code, { unreadStopMs: UNREAD_STOP_MS }, async (lesson) => {
      lesson.llm.hold(2); // held, it would stream forever: only the unread stop ends it
      const unread = await ask(lesson);
      const answer = await untilAnswerEnds(
        lesson,
        unread.chatId,
        unread.messageId,
        `nobody read the answer, and it was still streaming ${GUARD_S} s later (unreadStopMs is ${UNREAD_STOP_MS} ms): a run that has no reader when it starts waits unreadStopMs for one, then is stopped`,
      );
      must(
        answer?.status === "stopped" && answer.tokens === 2,
        `an answer nobody read ended ${JSON.stringify(answer)}, not stopped after its 2 tokens`,
      );
      must(lesson.llm.running === 0, "an answer nobody read was stopped, but the model is still generating");
    }),

  "an answer being read is not stopped; it is once its last reader leaves, and readers() counts them": (
    code,
  ) =>
    withChat(code, { unreadStopMs: UNREAD_STOP_MS }, async (lesson) => {
      lesson.llm.hold(2);
      // Sent and read in one request (POST /api/chat, as the AI SDK does): the server counts
      // this reader before the request returns, so no unread stop can come before it.
      const chatId = newChatId();
      const a = await sendAndRead(lesson.url, chatId, { id: newMessage().id, text: PROMPT });
      const active = (await lesson.client.view(chatId)).activeRun;
      must(active, "POST /api/chat started no run");
      const read = { chatId, ...active };
      const b = await lesson.client.read(read.runId);
      await within(
        a.waitFor((r) => r.events.filter((e) => e.data.includes('"text-delta"')).length >= 2),
        GUARD_MS,
        "a reader never got the first 2 tokens",
      );
      await untilTokens(b, 2, "a reader never got the first 2 tokens");
      must(
        lesson.chat.readers() === 2,
        `two readers are reading a run and readers() says ${lesson.chat.readers()}: count each reader that comes, per run`,
      );
      a.abort();
      await mustEventually(
        () => lesson.chat.readers() === 1,
        GUARD_MS,
        `one of two readers left, and readers() says ${lesson.chat.readers()}, not 1: the function attachReader returns is called when a reader leaves`,
      );
      // A clock that counts in events, not ms: a run started now, read by nobody, is stopped
      // unreadStopMs from now. A timer that wrongly started for the run being read (when it
      // began, or when its first reader left) would have fired before that one.
      const witness = await ask(lesson);
      await untilAnswerEnds(
        lesson,
        witness.chatId,
        witness.messageId,
        "a second answer, nobody reading it, was never stopped",
      );
      const status = await statusOf(lesson, read.chatId, read.messageId);
      must(
        status === "streaming" && endOf(b) === undefined,
        `an answer with a reader still reading it was ${status} (its reader got ${got(b)}): a reader that comes clears the unread timer, and one of two leaving starts none`,
      );
      b.abort();
      const answer = await untilAnswerEnds(
        lesson,
        read.chatId,
        read.messageId,
        `both readers left, and the answer was still streaming ${GUARD_S} s later (unreadStopMs is ${UNREAD_STOP_MS} ms): when the last reader of a run still going leaves, wait unreadStopMs, then stop it`,
      );
      must(
        answer?.status === "stopped",
        `after its last reader left, the answer ended ${answer?.status}, not stopped`,
      );
      await mustEventually(
        () => lesson.chat.readers() === 0,
        GUARD_MS,
        `every reader left, and readers() says ${lesson.chat.readers()}: forget a run once it has no reader`,
      );
    }),

  "unreadStopMs 0, the default: an answer nobody reads is generated to its end": (code) =>
    withChat(code, {}, async (lesson) => {
      const unread = await ask(lesson);
      const answer = await untilAnswerEnds(
        lesson,
        unread.chatId,
        unread.messageId,
        "an answer nobody read was never recorded",
      );
      must(
        answer?.status === "complete" && answer.tokens === REPLY.length,
        `with unreadStopMs 0 an answer nobody read ended ${answer?.status} after ${answer?.tokens} tokens: 0 means never, closing every tab is not Stop`,
      );
      const reader = await lesson.client.read(unread.runId);
      await untilEnd(reader, "the finished answer's run could not be read again");
    }),
});
