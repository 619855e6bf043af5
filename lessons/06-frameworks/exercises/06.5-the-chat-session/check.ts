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

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

export default defineChecks({
  "send shows the question and a streaming answer, streams into live, and ends with the whole answer": async (
    code,
  ) => {
    const { chat, lists, streams, last, shown } = await session(code);
    chat.send("Why stream?");
    await mustEventually(
      () => streams.length === 1,
      1000,
      "send() never read an answer: call read(requestFor(history), signal)",
    );
    const asked = streams[0]?.request.messages.map((m) => `${m.role}:${m.content}`).join(" | ");
    must(asked === "user:Why stream?", `the request sent ${asked}, not the user's question alone`);
    must(
      shown() === 'user:"Why stream?", assistant:"" (streaming)',
      `right after send(), the list was: ${shown()}. Show the question and an empty assistant message with status "streaming", before the first piece`,
    );
    const listsBefore = lists.length;
    streams[0]?.put("Because ");
    streams[0]?.put("time ");
    streams[0]?.put("matters.");
    await mustEventually(
      () => chat.live.getSnapshot() === "Because time matters.",
      1000,
      `three pieces arrived, and live holds "${chat.live.getSnapshot()}": append each piece to the live store`,
    );
    must(
      lists.length === listsBefore,
      `the list changed ${lists.length - listsBefore} times for 3 pieces: while an answer streams, its text goes to \`live\` only (one render a frame); the list changes when the answer starts and when it ends`,
    );
    streams[0]?.put(null);
    await mustEventually(
      () => last().at(-1)?.status === "done",
      1000,
      `the stream ended, and the list is: ${shown()}. Replace the streaming message with the whole answer, status "done"`,
    );
    must(
      shown() === 'user:"Why stream?", assistant:"Because time matters." (done)',
      `at the end, the list is: ${shown()}`,
    );
    must(
      new Set(lists).size === lists.length,
      "onMessages got the same array twice: replace the list (a new array), never mutate it, or React and Vue see no change",
    );
  },

  "stop() aborts the answer and keeps what arrived, marked stopped": async (code) => {
    const { chat, streams, last, shown } = await session(code);
    chat.send("Tell me a long story");
    await mustEventually(() => streams.length === 1, 1000, "send() never read an answer");
    streams[0]?.put("Once upon");
    await waitUntil(() => chat.live.getSnapshot() === "Once upon", 1000);
    chat.stop();
    must(streams[0]?.signal.aborted, "stop() did not abort the signal read() was given: the fetch goes on");
    await mustEventually(
      () => last().at(-1)?.status === "stopped",
      1000,
      `after stop(), the list is: ${shown()}. A stopped answer keeps its text, with status "stopped"`,
    );
    const answer = last().at(-1);
    must(
      answer?.content === "Once upon" && Boolean(answer.note),
      `the stopped answer is "${answer?.content}" with note ${JSON.stringify(answer?.note)}: keep the partial text ("Once upon") and say why it stopped in a note`,
    );
  },

  "a second question while the first streams: the first is aborted, and never writes into the new answer":
    async (code) => {
      // The first stream ignores the abort: pieces it had already received still come out of it.
      const { chat, streams, last, shown } = await session(code, { ignoresAbort: true });
      chat.send("one");
      await mustEventually(() => streams.length === 1, 1000, "send() never read an answer");
      streams[0]?.put("A");
      await waitUntil(() => chat.live.getSnapshot() === "A", 1000);
      chat.send("two");
      await mustEventually(() => streams.length === 2, 1000, "the second send() never read an answer");
      must(
        streams[0]?.signal.aborted,
        "a new question left the first answer running: abort it (the server would generate both)",
      );
      streams[0]?.put(" LATE");
      streams[0]?.put(null);
      await turn();
      streams[1]?.put("B");
      streams[1]?.put(null);
      await mustEventually(
        () => last().at(-1)?.status === "done" || last().some((m) => m.content.includes("LATE")),
        1000,
        `the second answer never ended: the list is ${shown()}`,
      );
      await turn();
      must(
        !last().some((m) => m.content.includes("LATE")) && chat.live.getSnapshot() === "B",
        `the first answer's late piece (" LATE") got in: the list is ${shown()}, live holds "${chat.live.getSnapshot()}". An answer that is no longer the latest must not write, not a piece and not its end`,
      );
      must(
        last().at(-1)?.content === "B" && last().at(-2)?.content === "two",
        `the conversation ends: ${shown()}, not the question "two" and its answer "B"`,
      );
    },

  "a failure keeps the text and says why": async (code) => {
    const { chat, streams, last, shown } = await session(code);
    chat.send("Why stream?");
    await mustEventually(() => streams.length === 1, 1000, "send() never read an answer");
    streams[0]?.put("Part");
    streams[0]?.put(new ChatError("rate_limited", "Too many requests, try again in a minute."));
    await mustEventually(
      () => last().at(-1)?.status === "failed",
      1000,
      `the stream failed, and the list is: ${shown()}. An answer whose stream throws (without a Stop) has status "failed"`,
    );
    const answer = last().at(-1);
    must(
      answer?.content === "Part" && answer.note?.includes("Too many requests"),
      `the failed answer is "${answer?.content}" with note ${JSON.stringify(answer?.note)}: keep the text that came ("Part"), and the error's message as the note`,
    );
  },

  "a conversation replaced mid-answer ends that answer, which writes nothing into the new one": async (
    code,
  ) => {
    const { chat, streams, shown } = await session(code, { ignoresAbort: true });
    chat.send("a question from before");
    await mustEventually(() => streams.length === 1, 1000, "send() never read an answer");
    streams[0]?.put("Half");
    await waitUntil(() => chat.live.getSnapshot() === "Half", 1000);
    chat.setMessages([{ id: 911, role: "user", content: "a loaded conversation", status: "done" }]);
    must(
      streams[0]?.signal.aborted,
      "setMessages left the answer in progress running: it belongs to the old conversation, so abort it (the server would generate on for nothing)",
    );
    streams[0]?.put(" LATE");
    streams[0]?.put(null);
    await turn();
    await turn();
    must(
      shown() === 'user:"a loaded conversation"',
      `after setMessages and the old answer's end, the list is: ${shown()}. The old answer must write nothing into the new conversation, not a piece and not its end`,
    );
  },

  "regenerate answers the last question again; setMessages replaces the conversation": async (code) => {
    const { chat, streams, last, shown } = await session(code);
    chat.send("q1");
    await mustEventually(() => streams.length === 1, 1000, "send() never read an answer");
    streams[0]?.put("first answer");
    streams[0]?.put(null);
    await mustEventually(() => last().at(-1)?.status === "done", 1000, `the answer never ended: ${shown()}`);
    chat.regenerate();
    await mustEventually(() => streams.length === 2, 1000, "regenerate() never read an answer");
    const asked = streams[1]?.request.messages.map((m) => m.content).join(" | ");
    must(
      asked === "q1",
      `regenerate() sent ${asked}: the history up to the last question, without its old answer`,
    );
    streams[1]?.put("second answer");
    streams[1]?.put(null);
    await mustEventually(
      () => last().at(-1)?.content === "second answer",
      1000,
      `after regenerate: ${shown()}`,
    );
    must(
      shown() === 'user:"q1", assistant:"second answer" (done)',
      `after regenerate, the list is: ${shown()}. The new answer replaces the old one`,
    );
    chat.setMessages([
      { id: 901, role: "user", content: "loaded question", status: "done" },
      { id: 902, role: "assistant", content: "loaded answer", status: "done" },
    ]);
    must(
      last().length === 2 && last()[0]?.content === "loaded question",
      `setMessages did not replace the list: ${shown()}`,
    );
    chat.send("next");
    await mustEventually(() => streams.length === 3, 1000, "send() after setMessages never read an answer");
    const sent = streams[2]?.request.messages.map((m) => m.content).join(" | ");
    must(
      sent === "loaded question | loaded answer | next",
      `after setMessages, the next question sent ${sent}: send after the conversation that was set`,
    );
  },
});
