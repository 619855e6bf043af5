import { defineChecks, must, mustEventually, within } from "@workshop/exercises";
import type * as Store from "../../src/server/chat-store.ts";
import { GUARD_MS, type Lesson, newChatId, newMessage, untilChat, untilEnd, withChat } from "../with-chat.ts";

/** The chat store, counting every call made to it (each is a round trip, with Redis). */
function counting(store: Store.ChatStore) {
  let calls = 0;
  const counted = Object.fromEntries(
    Object.entries(store).map(([name, method]) => [
      name,
      (...args: unknown[]) => {
        calls++;
        return (method as (...args: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Store.ChatStore;
  return { store: counted, calls: () => calls };
}

/** Reads the run to its end, then waits until the chat has recorded the answer (no run in progress). */
async function answered(lesson: Lesson, chatId: string, runId: string): Promise<void> {
  await untilEnd(await lesson.client.read(runId), "the answer's run never ended");
  await untilChat(
    lesson,
    chatId,
    (view) => view.activeRun === null,
    () => "the chat never recorded the answer (its run stayed in progress)",
  );
}

const answersTo = async (lesson: Lesson, chatId: string, messageId: string) =>
  (await lesson.client.view(chatId)).messages.filter((m) => m.parentId === messageId);

export default defineChecks({
  "the same message sent again, while its answer comes and after it ended, reads the same run: one generation":
    (code) =>
      withChat(code, {}, async (lesson) => {
        lesson.llm.hold(2);
        const chatId = newChatId();
        const message = newMessage();
        const first = await lesson.client.send(chatId, message);
        const during = await lesson.client.send(chatId, message);
        must(
          during.runId === first.runId && during.repeated,
          `the same message sent again while its answer was coming got ${JSON.stringify(during)}, not run ${first.runId} with repeated: true`,
        );
        lesson.llm.release();
        await answered(lesson, chatId, first.runId);
        const late = await lesson.client.post(chatId, message);
        must(
          late.started?.runId === first.runId && late.started.repeated,
          `the same message sent again after its answer ended (a retry: the page never saw the first 202) ${late.started ? `started run ${late.started.runId}, a second generation` : `was answered ${late.status} ${late.text}`}: a message id the chat already has is a repeat, answer with its answer's run, marked repeated`,
        );
        must(
          lesson.generations() === 1,
          `one message, sent three times, cost ${lesson.generations()} generations`,
        );
        const answers = await answersTo(lesson, chatId, message.id);
        must(
          answers.length === 1,
          `one message, sent three times, has ${answers.length} answers in the chat`,
        );
      }),

  "two sends of one message at once: the second joins the first (no store work of its own), one generation":
    async (code) => {
      const { createMemoryChatStore } = await code.load<typeof Store>("src/server/chat-store.ts");
      const store = counting(createMemoryChatStore());
      await withChat(code, { store: store.store }, async (lesson) => {
        // The first send is held where it starts its run (a model slow to answer), so the
        // second arrives while the first is in flight, as a double click does.
        let open = () => {};
        const gate = new Promise<void>((resolve) => {
          open = resolve;
        });
        let starting = 0;
        const start = lesson.runs.start.bind(lesson.runs);
        lesson.runs.start = async (...args) => {
          starting++;
          await gate;
          return start(...args);
        };
        let arrived = 0;
        const send = lesson.chat.send;
        lesson.chat.send = (...args) => {
          arrived++;
          return send(...args);
        };
        const chatId = newChatId();
        const message = newMessage();
        const first = lesson.client.send(chatId, message);
        await mustEventually(() => starting === 1, GUARD_MS, "the first send never started a run");
        const before = store.calls();
        const second = lesson.client.send(chatId, message);
        await mustEventually(() => arrived === 2, GUARD_MS, "the second send never reached the chat");
        const ownCalls = store.calls() - before;
        open();
        const [a, b] = await within(
          Promise.all([first, second]),
          GUARD_MS,
          "two sends of one message at once: they never both answered",
        );
        must(
          a.runId === b.runId && lesson.generations() === 1,
          `two sends of one message at once started runs ${a.runId} and ${b.runId}, ${lesson.generations()} generation(s): one message is one generation`,
        );
        must(
          [a.repeated, b.repeated].sort().join() === "false,true",
          `two sends of one message at once said repeated: ${a.repeated} and ${b.repeated}: the first started the run (false), the second joined it (true)`,
        );
        must(
          ownCalls === 0,
          `the second send, arriving while the first was starting the run, went to the chat store on its own (${ownCalls} call(s) as it arrived), racing the first for the chat's one run: join the send in flight in this process instead`,
        );
      });
    },

  "a send is forgotten once it settles: a failed one can be sent again, a second regenerate is a second answer":
    (code) =>
      withChat(code, {}, async (lesson) => {
        const chatId = newChatId();
        const message = newMessage();
        const refused = await lesson.client.post(chatId, { ...message, parentId: "no-such-message" });
        must(
          refused.status === 400,
          `a message whose parent is unknown was answered ${refused.status}, not 400`,
        );
        const fixed = await lesson.client.post(chatId, message);
        must(
          fixed.started && !fixed.started.repeated,
          `the same message id, sent again with a good parent after a refused send, was answered ${fixed.status} ${fixed.text}: a send that failed is over, forget it`,
        );
        await answered(lesson, chatId, fixed.started.runId);
        const again = await lesson.client.send(chatId, { regenerate: message.id });
        await answered(lesson, chatId, again.runId);
        const third = await lesson.client.send(chatId, { regenerate: message.id });
        must(
          third.runId !== again.runId && !third.repeated,
          "a second regenerate, after the first one's answer ended, got the first one's run again: a send is joined only while it is in flight, then forgotten",
        );
        await answered(lesson, chatId, third.runId);
        const answers = await answersTo(lesson, chatId, message.id);
        must(answers.length === 3, `a message and two regenerates made ${answers.length} answers, not 3`);
      }),
});
