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
  await untilEnd(await lesson.client.read(runId), {
    en: "the answer's run never ended",
    zh: "回答的 run 一直没有结束",
  });
  await untilChat(
    lesson,
    chatId,
    (view) => view.activeRun === null,
    () => ({
      en: "the chat never recorded the answer (its run stayed in progress)",
      zh: "聊天一直没有记录这个回答（它的 run 一直在进行中）",
    }),
  );
}

const answersTo = async (lesson: Lesson, chatId: string, messageId: string) =>
  (await lesson.client.view(chatId)).messages.filter((m) => m.parentId === messageId);

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the same message sent again, while its answer comes and after it ended, reads the same run: one generation":
    "同一条消息在回答输出期间和回答结束之后再次发送，读的都是同一个 run：只有一次生成",
  "two sends of one message at once: the second joins the first (no store work of its own), one generation":
    "同一条消息同时发送两次：第二次并入第一次（自己不做任何存储操作），只有一次生成",
  "a send is forgotten once it settles: a failed one can be sent again, a second regenerate is a second answer":
    "发送一旦落定就被忘掉：失败的发送可以重发，第二次重新生成就是第二个回答",
};

export default defineChecks({
  "the same message sent again, while its answer comes and after it ended, reads the same run: one generation":
    (code) =>
      withChat(code, {}, async (lesson) => {
        lesson.llm.hold(2);
        const chatId = newChatId();
        const message = newMessage();
        const first = await lesson.client.send(chatId, message);
        const during = await lesson.client.send(chatId, message);
        must(during.runId === first.runId && during.repeated, {
          en: `the same message sent again while its answer was coming got ${JSON.stringify(during)}, not run ${first.runId} with repeated: true`,
          zh: `同一条消息在回答输出期间再次发送，得到的是 ${JSON.stringify(during)}，而不是 run ${first.runId} 加上 repeated: true`,
        });
        lesson.llm.release();
        await answered(lesson, chatId, first.runId);
        const late = await lesson.client.post(chatId, message);
        must(late.started?.runId === first.runId && late.started.repeated, {
          en: `the same message sent again after its answer ended (a retry: the page never saw the first 202) ${late.started ? `started run ${late.started.runId}, a second generation` : `was answered ${late.status} ${late.text}`}: a message id the chat already has is a repeat, answer with its answer's run, marked repeated`,
          zh: `同一条消息在回答结束之后再次发送（一次重试：页面从没看到第一次的 202），${late.started ? `启动了 run ${late.started.runId}，即第二次生成` : `得到的应答是 ${late.status} ${late.text}`}：聊天里已有的消息 id 就是重复，要用它的回答的 run 来应答，并标记为 repeated`,
        });
        must(lesson.generations() === 1, {
          en: `one message, sent three times, cost ${lesson.generations()} generations`,
          zh: `一条消息发了三次，花掉了 ${lesson.generations()} 次生成`,
        });
        const answers = await answersTo(lesson, chatId, message.id);
        must(answers.length === 1, {
          en: `one message, sent three times, has ${answers.length} answers in the chat`,
          zh: `一条消息发了三次，聊天里有 ${answers.length} 个回答`,
        });
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
        await mustEventually(() => starting === 1, GUARD_MS, {
          en: "the first send never started a run",
          zh: "第一次发送一直没有启动 run",
        });
        const before = store.calls();
        const second = lesson.client.send(chatId, message);
        await mustEventually(() => arrived === 2, GUARD_MS, {
          en: "the second send never reached the chat",
          zh: "第二次发送一直没有到达聊天",
        });
        const ownCalls = store.calls() - before;
        open();
        const [a, b] = await within(Promise.all([first, second]), GUARD_MS, {
          en: "two sends of one message at once: they never both answered",
          zh: "同一条消息同时发送两次：两次发送始终没有都得到应答",
        });
        must(a.runId === b.runId && lesson.generations() === 1, {
          en: `two sends of one message at once started runs ${a.runId} and ${b.runId}, ${lesson.generations()} generation(s): one message is one generation`,
          zh: `同一条消息同时发送两次，启动了 run ${a.runId} 和 ${b.runId}，生成了 ${lesson.generations()} 次：一条消息只生成一次`,
        });
        must([a.repeated, b.repeated].sort().join() === "false,true", {
          en: `two sends of one message at once said repeated: ${a.repeated} and ${b.repeated}: the first started the run (false), the second joined it (true)`,
          zh: `同一条消息同时发送两次，得到的 repeated 是 ${a.repeated} 和 ${b.repeated}：第一次启动了 run（false），第二次并入了它（true）`,
        });
        must(ownCalls === 0, {
          en: `the second send, arriving while the first was starting the run, went to the chat store on its own (${ownCalls} call(s) as it arrived), racing the first for the chat's one run: join the send in flight in this process instead`,
          zh: `第二次发送在第一次正在启动 run 时到达，却自己去访问了聊天存储（到达时调用了 ${ownCalls} 次），和第一次争抢这个聊天唯一的 run：应该改为并入本进程中正在进行的那次发送`,
        });
      });
    },

  "a send is forgotten once it settles: a failed one can be sent again, a second regenerate is a second answer":
    (code) =>
      withChat(code, {}, async (lesson) => {
        const chatId = newChatId();
        const message = newMessage();
        const refused = await lesson.client.post(chatId, { ...message, parentId: "no-such-message" });
        must(refused.status === 400, {
          en: `a message whose parent is unknown was answered ${refused.status}, not 400`,
          zh: `父消息未知的消息得到的应答是 ${refused.status}，不是 400`,
        });
        const fixed = await lesson.client.post(chatId, message);
        must(fixed.started && !fixed.started.repeated, {
          en: `the same message id, sent again with a good parent after a refused send, was answered ${fixed.status} ${fixed.text}: a send that failed is over, forget it`,
          zh: `同一个消息 id 在被拒绝之后带着正确的父消息再次发送，得到的应答是 ${fixed.status} ${fixed.text}：失败的发送已经结束了，忘掉它`,
        });
        await answered(lesson, chatId, fixed.started.runId);
        const again = await lesson.client.send(chatId, { regenerate: message.id });
        await answered(lesson, chatId, again.runId);
        const third = await lesson.client.send(chatId, { regenerate: message.id });
        must(third.runId !== again.runId && !third.repeated, {
          en: "a second regenerate, after the first one's answer ended, got the first one's run again: a send is joined only while it is in flight, then forgotten",
          zh: "第一次重新生成的回答结束之后，第二次重新生成又拿到了第一次的 run：发送只在进行中时才能被并入，之后就被忘掉",
        });
        await answered(lesson, chatId, third.runId);
        const answers = await answersTo(lesson, chatId, message.id);
        must(answers.length === 3, {
          en: `a message and two regenerates made ${answers.length} answers, not 3`,
          zh: `一条消息加两次重新生成，产生了 ${answers.length} 个回答，而不是 3 个`,
        });
      }),
});
