import { type CheckMessage, defineChecks, must, mustEventually, within } from "@workshop/exercises";
import {
  answerIn,
  endOf,
  GUARD_MS,
  got,
  gotZh,
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
async function untilAnswerEnds(lesson: Lesson, chatId: string, messageId: string, message: CheckMessage) {
  const view = await untilChat(
    lesson,
    chatId,
    (v) => answerIn(v, messageId)?.status !== "streaming",
    () => message,
  );
  return answerIn(view, messageId);
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "with unreadStopMs set, an answer nobody reads is stopped, its partial answer kept as stopped":
    "设置了 unreadStopMs 时，没人读的回答会被停掉，已生成的部分回答记为 stopped",
  "an answer being read is not stopped; it is once its last reader leaves, and readers() counts them":
    "有人在读的回答不会被停掉；最后一个读者离开后才会被停掉，readers() 统计读者数",
  "unreadStopMs 0, the default: an answer nobody reads is generated to its end":
    "unreadStopMs 为 0（默认值）时：没人读的回答也会生成到结束",
};

export default defineChecks({
  "with unreadStopMs set, an answer nobody reads is stopped, its partial answer kept as stopped": (code) =>
    withChat(code, { unreadStopMs: UNREAD_STOP_MS }, async (lesson) => {
      lesson.llm.hold(2); // held, it would stream forever: only the unread stop ends it
      const unread = await ask(lesson);
      const answer = await untilAnswerEnds(lesson, unread.chatId, unread.messageId, {
        en: `nobody read the answer, and it was still streaming ${GUARD_S} s later (unreadStopMs is ${UNREAD_STOP_MS} ms): a run that has no reader when it starts waits unreadStopMs for one, then is stopped`,
        zh: `没有人读这个回答，${GUARD_S} s 之后它还在流式输出（unreadStopMs 是 ${UNREAD_STOP_MS} ms）：开始时没有读者的 run 要等读者 unreadStopMs，等不到就停掉`,
      });
      must(answer?.status === "stopped" && answer.tokens === 2, {
        en: `an answer nobody read ended ${JSON.stringify(answer)}, not stopped after its 2 tokens`,
        zh: `没人读的回答结束时是 ${JSON.stringify(answer)}，而不是在 2 个 token 之后 stopped`,
      });
      must(lesson.llm.running === 0, {
        en: "an answer nobody read was stopped, but the model is still generating",
        zh: "没人读的回答已经停了，模型却还在生成",
      });
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
      must(active, { en: "POST /api/chat started no run", zh: "POST /api/chat 没有启动任何 run" });
      const read = { chatId, ...active };
      const b = await lesson.client.read(read.runId);
      await within(
        a.waitFor((r) => r.events.filter((e) => e.data.includes('"text-delta"')).length >= 2),
        GUARD_MS,
        { en: "a reader never got the first 2 tokens", zh: "有个读者一直没拿到前 2 个 token" },
      );
      await untilTokens(b, 2, {
        en: "a reader never got the first 2 tokens",
        zh: "有个读者一直没拿到前 2 个 token",
      });
      must(lesson.chat.readers() === 2, {
        en: `two readers are reading a run and readers() says ${lesson.chat.readers()}: count each reader that comes, per run`,
        zh: `两个读者正在读一个 run，readers() 却说是 ${lesson.chat.readers()}：按 run 统计每个到来的读者`,
      });
      a.abort();
      await mustEventually(() => lesson.chat.readers() === 1, GUARD_MS, {
        en: `one of two readers left, and readers() says ${lesson.chat.readers()}, not 1: the function attachReader returns is called when a reader leaves`,
        zh: `两个读者离开了一个，readers() 却说是 ${lesson.chat.readers()}，不是 1：读者离开时会调用 attachReader 返回的那个函数`,
      });
      // A clock that counts in events, not ms: a run started now, read by nobody, is stopped
      // unreadStopMs from now. A timer that wrongly started for the run being read (when it
      // began, or when its first reader left) would have fired before that one.
      const witness = await ask(lesson);
      await untilAnswerEnds(lesson, witness.chatId, witness.messageId, {
        en: "a second answer, nobody reading it, was never stopped",
        zh: "第二个回答没人读，却一直没被停掉",
      });
      const status = await statusOf(lesson, read.chatId, read.messageId);
      must(status === "streaming" && endOf(b) === undefined, {
        en: `an answer with a reader still reading it was ${status} (its reader got ${got(b)}): a reader that comes clears the unread timer, and one of two leaving starts none`,
        zh: `一个还有读者在读的回答变成了 ${status}（它的读者收到的是 ${gotZh(b)}）：到来的读者会清除无人读取的定时器，两个读者离开一个时不启动任何定时器`,
      });
      b.abort();
      const answer = await untilAnswerEnds(lesson, read.chatId, read.messageId, {
        en: `both readers left, and the answer was still streaming ${GUARD_S} s later (unreadStopMs is ${UNREAD_STOP_MS} ms): when the last reader of a run still going leaves, wait unreadStopMs, then stop it`,
        zh: `两个读者都离开了，${GUARD_S} s 之后回答还在流式输出（unreadStopMs 是 ${UNREAD_STOP_MS} ms）：一个仍在进行的 run 的最后一个读者离开时，等 unreadStopMs，然后停掉它`,
      });
      must(answer?.status === "stopped", {
        en: `after its last reader left, the answer ended ${answer?.status}, not stopped`,
        zh: `最后一个读者离开之后，回答结束时是 ${answer?.status}，而不是 stopped`,
      });
      await mustEventually(() => lesson.chat.readers() === 0, GUARD_MS, {
        en: `every reader left, and readers() says ${lesson.chat.readers()}: forget a run once it has no reader`,
        zh: `所有读者都离开了，readers() 却说是 ${lesson.chat.readers()}：run 一没有读者就忘掉它`,
      });
    }),

  "unreadStopMs 0, the default: an answer nobody reads is generated to its end": (code) =>
    withChat(code, {}, async (lesson) => {
      const unread = await ask(lesson);
      const answer = await untilAnswerEnds(lesson, unread.chatId, unread.messageId, {
        en: "an answer nobody read was never recorded",
        zh: "没人读的回答一直没被记录下来",
      });
      must(answer?.status === "complete" && answer.tokens === REPLY.length, {
        en: `with unreadStopMs 0 an answer nobody read ended ${answer?.status} after ${answer?.tokens} tokens: 0 means never, closing every tab is not Stop`,
        zh: `unreadStopMs 为 0 时，没人读的回答在 ${answer?.tokens} 个 token 之后以 ${answer?.status} 结束：0 表示永不停止，关掉所有标签页不等于 Stop`,
      });
      const reader = await lesson.client.read(unread.runId);
      await untilEnd(reader, {
        en: "the finished answer's run could not be read again",
        zh: "已结束的回答的 run 没法再读一遍",
      });
    }),
});
