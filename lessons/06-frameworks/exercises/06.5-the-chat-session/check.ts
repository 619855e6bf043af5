import { ChatError } from "@workshop/04-llm-chat/client/chat-stream.ts";
import { defineChecks, type LessonCode, must, mustEventually, waitUntil } from "@workshop/exercises";
import type * as Session from "../../src/stream/chat-session.ts";
import type { Message } from "../../src/stream/conversation.ts";
import type * as Store from "../../src/stream/frame-batched-text.ts";
import { frameClock } from "../../test/frame-clock.ts";

type Request = Parameters<NonNullable<Session.ChatSessionParts["read"]>>[0];

/**
 * One answer's stream as the check delivers it: `put` a piece, `end` it, or `fail` it. Like
 * fetch, it throws once its signal aborts, unless `ignoresAbort` (pieces already received).
 */
function answerStream(request: Request, signal: AbortSignal, ignoresAbort: boolean) {
  const queue: (string | Error | null)[] = [];
  let wake = () => {};
  signal.addEventListener("abort", () => wake(), { once: true });
  return {
    request,
    signal,
    put: (item: string | Error | null) => {
      queue.push(item);
      wake();
    },
    async *pieces(): AsyncGenerator<string> {
      for (;;) {
        if (signal.aborted && !ignoresAbort)
          throw new DOMException("The user aborted a request.", "AbortError");
        const item = queue.shift();
        if (item === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        if (item === null) return;
        if (item instanceof Error) throw item;
        yield item;
      }
    },
  };
}

/** A session from the code under check, reading from streams the check drives. */
async function session(code: LessonCode, { ignoresAbort = false } = {}) {
  const { createChatSession } = await code.load<typeof Session>("src/stream/chat-session.ts");
  const { createFrameBatchedText } = await code.load<typeof Store>("src/stream/frame-batched-text.ts");
  const clock = frameClock(); // Node has no animation frames: none is ever turned here
  const lists: Message[][] = [];
  const streams: ReturnType<typeof answerStream>[] = [];
  const chat = createChatSession((list) => lists.push(list), {
    read(request, signal) {
      const stream = answerStream(request, signal, ignoresAbort);
      streams.push(stream);
      return stream.pieces();
    },
    createLive: () => createFrameBatchedText(clock.schedule, clock.cancel),
  });
  const last = () => lists.at(-1) ?? [];
  const shown = () =>
    last()
      .map((m) => `${m.role}:"${m.content}"${m.role === "assistant" ? ` (${m.status})` : ""}`)
      .join(", ") || "nothing";
  return { chat, lists, streams, last, shown };
}

const NEVER_READ = { en: "send() never read an answer", zh: "send() 一直没有读取回答" };

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "send shows the question and a streaming answer, streams into live, and ends with the whole answer":
    "send 显示问题和一条流式输出中的回答，流式写入 live，最后以完整的回答结束",
  "stop() aborts the answer and keeps what arrived, marked stopped":
    "stop() 中止回答，保留已经收到的内容，标记为 stopped",
  "a second question while the first streams: the first is aborted, and never writes into the new answer":
    "第一个回答还在流式输出时提第二个问题：第一个被中止，绝不写进新回答",
  "a failure keeps the text and says why": "失败时保留文本，并说明原因",
  "a conversation replaced mid-answer ends that answer, which writes nothing into the new one":
    "回答中途整段对话被替换：这个回答就此结束，不往新对话里写任何东西",
  "regenerate answers the last question again; setMessages replaces the conversation":
    "regenerate 重新回答最后一个问题；setMessages 替换整段对话",
};

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

export default defineChecks({
  "send shows the question and a streaming answer, streams into live, and ends with the whole answer": async (
    code,
  ) => {
    const { chat, lists, streams, last, shown } = await session(code);
    chat.send("Why stream?");
    await mustEventually(() => streams.length === 1, 1000, {
      en: "send() never read an answer: call read(requestFor(history), signal)",
      zh: "send() 一直没有读取回答：调用 read(requestFor(history), signal)",
    });
    const asked = streams[0]?.request.messages.map((m) => `${m.role}:${m.content}`).join(" | ");
    must(asked === "user:Why stream?", {
      en: `the request sent ${asked}, not the user's question alone`,
      zh: `请求发送的是 ${asked}，而不只是用户的问题`,
    });
    must(shown() === 'user:"Why stream?", assistant:"" (streaming)', {
      en: `right after send(), the list was: ${shown()}. Show the question and an empty assistant message with status "streaming", before the first piece`,
      zh: `刚调用完 send()，列表是：${shown()}。在第一段到来之前，就要显示问题和一条空的助手消息，状态为 "streaming"`,
    });
    const listsBefore = lists.length;
    streams[0]?.put("Because ");
    streams[0]?.put("time ");
    streams[0]?.put("matters.");
    await mustEventually(() => chat.live.getSnapshot() === "Because time matters.", 1000, {
      en: `three pieces arrived, and live holds "${chat.live.getSnapshot()}": append each piece to the live store`,
      zh: `来了三段，live 里却是 "${chat.live.getSnapshot()}"：把每一段都 append 到 live 这个 store 里`,
    });
    must(lists.length === listsBefore, {
      en: `the list changed ${lists.length - listsBefore} times for 3 pieces: while an answer streams, its text goes to \`live\` only (one render a frame); the list changes when the answer starts and when it ends`,
      zh: `3 段内容让列表变了 ${lists.length - listsBefore} 次：回答流式输出期间，文本只写进 \`live\`（每帧渲染一次）；列表只在回答开始和结束时变化`,
    });
    streams[0]?.put(null);
    await mustEventually(() => last().at(-1)?.status === "done", 1000, {
      en: `the stream ended, and the list is: ${shown()}. Replace the streaming message with the whole answer, status "done"`,
      zh: `流结束了，列表是：${shown()}。用完整的回答替换那条流式消息，状态为 "done"`,
    });
    must(shown() === 'user:"Why stream?", assistant:"Because time matters." (done)', {
      en: `at the end, the list is: ${shown()}`,
      zh: `最后，列表是：${shown()}`,
    });
    must(new Set(lists).size === lists.length, {
      en: "onMessages got the same array twice: replace the list (a new array), never mutate it, or React and Vue see no change",
      zh: "onMessages 两次收到了同一个数组：要替换列表（给一个新数组），绝不原地修改，否则 React 和 Vue 看不到变化",
    });
  },

  "stop() aborts the answer and keeps what arrived, marked stopped": async (code) => {
    const { chat, streams, last, shown } = await session(code);
    chat.send("Tell me a long story");
    await mustEventually(() => streams.length === 1, 1000, NEVER_READ);
    streams[0]?.put("Once upon");
    await waitUntil(() => chat.live.getSnapshot() === "Once upon", 1000);
    chat.stop();
    must(streams[0]?.signal.aborted, {
      en: "stop() did not abort the signal read() was given: the fetch goes on",
      zh: "stop() 没有中止交给 read() 的那个 signal：fetch 还在继续",
    });
    await mustEventually(() => last().at(-1)?.status === "stopped", 1000, {
      en: `after stop(), the list is: ${shown()}. A stopped answer keeps its text, with status "stopped"`,
      zh: `stop() 之后，列表是：${shown()}。被停止的回答保留它的文本，状态为 "stopped"`,
    });
    const answer = last().at(-1);
    must(answer?.content === "Once upon" && Boolean(answer.note), {
      en: `the stopped answer is "${answer?.content}" with note ${JSON.stringify(answer?.note)}: keep the partial text ("Once upon") and say why it stopped in a note`,
      zh: `被停止的回答是 "${answer?.content}"，note 是 ${JSON.stringify(answer?.note)}：保留已收到的部分文本（"Once upon"），并在 note 里说明它为什么停止`,
    });
  },

  "a second question while the first streams: the first is aborted, and never writes into the new answer":
    async (code) => {
      // The first stream ignores the abort: pieces it had already received still come out of it.
      const { chat, streams, last, shown } = await session(code, { ignoresAbort: true });
      chat.send("one");
      await mustEventually(() => streams.length === 1, 1000, NEVER_READ);
      streams[0]?.put("A");
      await waitUntil(() => chat.live.getSnapshot() === "A", 1000);
      chat.send("two");
      await mustEventually(() => streams.length === 2, 1000, {
        en: "the second send() never read an answer",
        zh: "第二次 send() 一直没有读取回答",
      });
      must(streams[0]?.signal.aborted, {
        en: "a new question left the first answer running: abort it (the server would generate both)",
        zh: "新问题来了，第一个回答却还在进行：中止它（否则服务端会把两个都生成出来）",
      });
      streams[0]?.put(" LATE");
      streams[0]?.put(null);
      await turn();
      streams[1]?.put("B");
      streams[1]?.put(null);
      await mustEventually(
        () => last().at(-1)?.status === "done" || last().some((m) => m.content.includes("LATE")),
        1000,
        {
          en: `the second answer never ended: the list is ${shown()}`,
          zh: `第二个回答一直没有结束：列表是 ${shown()}`,
        },
      );
      await turn();
      must(!last().some((m) => m.content.includes("LATE")) && chat.live.getSnapshot() === "B", {
        en: `the first answer's late piece (" LATE") got in: the list is ${shown()}, live holds "${chat.live.getSnapshot()}". An answer that is no longer the latest must not write, not a piece and not its end`,
        zh: `第一个回答迟到的一段（" LATE"）写进来了：列表是 ${shown()}，live 里是 "${chat.live.getSnapshot()}"。已经不是最新的回答不能再写入任何东西，一段内容不行，它的结束也不行`,
      });
      must(last().at(-1)?.content === "B" && last().at(-2)?.content === "two", {
        en: `the conversation ends: ${shown()}, not the question "two" and its answer "B"`,
        zh: `对话的结尾是：${shown()}，而不是问题 "two" 和它的回答 "B"`,
      });
    },

  "a failure keeps the text and says why": async (code) => {
    const { chat, streams, last, shown } = await session(code);
    chat.send("Why stream?");
    await mustEventually(() => streams.length === 1, 1000, NEVER_READ);
    streams[0]?.put("Part");
    streams[0]?.put(new ChatError("rate_limited", "Too many requests, try again in a minute."));
    await mustEventually(() => last().at(-1)?.status === "failed", 1000, {
      en: `the stream failed, and the list is: ${shown()}. An answer whose stream throws (without a Stop) has status "failed"`,
      zh: `流失败了，列表是：${shown()}。流抛出错误（而不是被 Stop）的回答，状态为 "failed"`,
    });
    const answer = last().at(-1);
    must(answer?.content === "Part" && answer.note?.includes("Too many requests"), {
      en: `the failed answer is "${answer?.content}" with note ${JSON.stringify(answer?.note)}: keep the text that came ("Part"), and the error's message as the note`,
      zh: `失败的回答是 "${answer?.content}"，note 是 ${JSON.stringify(answer?.note)}：保留已经收到的文本（"Part"），并把错误的 message 作为 note`,
    });
  },

  "a conversation replaced mid-answer ends that answer, which writes nothing into the new one": async (
    code,
  ) => {
    const { chat, streams, shown } = await session(code, { ignoresAbort: true });
    chat.send("a question from before");
    await mustEventually(() => streams.length === 1, 1000, NEVER_READ);
    streams[0]?.put("Half");
    await waitUntil(() => chat.live.getSnapshot() === "Half", 1000);
    chat.setMessages([{ id: 911, role: "user", content: "a loaded conversation", status: "done" }]);
    must(streams[0]?.signal.aborted, {
      en: "setMessages left the answer in progress running: it belongs to the old conversation, so abort it (the server would generate on for nothing)",
      zh: "setMessages 之后，正在进行的回答还在跑：它属于旧对话，所以要中止它（否则服务端会白白继续生成）",
    });
    streams[0]?.put(" LATE");
    streams[0]?.put(null);
    await turn();
    await turn();
    must(shown() === 'user:"a loaded conversation"', {
      en: `after setMessages and the old answer's end, the list is: ${shown()}. The old answer must write nothing into the new conversation, not a piece and not its end`,
      zh: `setMessages 之后、旧回答结束之后，列表是：${shown()}。旧回答不能往新对话里写任何东西，一段内容不行，它的结束也不行`,
    });
  },

  "regenerate answers the last question again; setMessages replaces the conversation": async (code) => {
    const { chat, streams, last, shown } = await session(code);
    chat.send("q1");
    await mustEventually(() => streams.length === 1, 1000, NEVER_READ);
    streams[0]?.put("first answer");
    streams[0]?.put(null);
    await mustEventually(() => last().at(-1)?.status === "done", 1000, {
      en: `the answer never ended: ${shown()}`,
      zh: `回答一直没有结束：${shown()}`,
    });
    chat.regenerate();
    await mustEventually(() => streams.length === 2, 1000, {
      en: "regenerate() never read an answer",
      zh: "regenerate() 一直没有读取回答",
    });
    const asked = streams[1]?.request.messages.map((m) => m.content).join(" | ");
    must(asked === "q1", {
      en: `regenerate() sent ${asked}: the history up to the last question, without its old answer`,
      zh: `regenerate() 发送的是 ${asked}：应该发送截到最后一个问题为止的历史，不带它的旧回答`,
    });
    streams[1]?.put("second answer");
    streams[1]?.put(null);
    await mustEventually(() => last().at(-1)?.content === "second answer", 1000, {
      en: `after regenerate: ${shown()}`,
      zh: `regenerate 之后：${shown()}`,
    });
    must(shown() === 'user:"q1", assistant:"second answer" (done)', {
      en: `after regenerate, the list is: ${shown()}. The new answer replaces the old one`,
      zh: `regenerate 之后，列表是：${shown()}。新回答要替换掉旧的那个`,
    });
    chat.setMessages([
      { id: 901, role: "user", content: "loaded question", status: "done" },
      { id: 902, role: "assistant", content: "loaded answer", status: "done" },
    ]);
    must(last().length === 2 && last()[0]?.content === "loaded question", {
      en: `setMessages did not replace the list: ${shown()}`,
      zh: `setMessages 没有替换列表：${shown()}`,
    });
    chat.send("next");
    await mustEventually(() => streams.length === 3, 1000, {
      en: "send() after setMessages never read an answer",
      zh: "setMessages 之后的 send() 一直没有读取回答",
    });
    const sent = streams[2]?.request.messages.map((m) => m.content).join(" | ");
    must(sent === "loaded question | loaded answer | next", {
      en: `after setMessages, the next question sent ${sent}: send after the conversation that was set`,
      zh: `setMessages 之后，下一个问题发送的是 ${sent}：要接在设置好的对话后面发送`,
    });
  },
});
