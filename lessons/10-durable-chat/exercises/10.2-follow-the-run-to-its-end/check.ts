import { defineChecks, must, within } from "@workshop/exercises";
import {
  endOf,
  GUARD_MS,
  got,
  gotZh,
  newChatId,
  newMessage,
  offsetsOf,
  REPLY,
  textOf,
  untilEnd,
  untilTokens,
  withChat,
} from "../with-chat.ts";

const LIVE = {
  en: "a reader must follow the run live: after what is there, wait for each new entry, until `done`",
  zh: "读者必须实时跟读 run：读完已有的记录后，等待每一条新记录，直到 `done`",
};

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "two readers, one from the start and one resumed after offset 0, get every token once, live, then `end`":
    "两个读者，一个从头读，一个从偏移量 0 之后续传，都实时地把每个 token 拿到一次，然后是 `end`",
  "Stop ends every reader's stream, a resumed one too, with `end` stopped and the tokens generated":
    "Stop 结束每个读者的流，续传的也一样，`end` 写明 stopped 和已生成的 token 数",
  "a reader that leaves ends only itself: its read returns at once, and the run goes on to the end":
    "离开的读者只结束它自己：它的 read 立即返回，run 继续到结束",
  "a reader that asks for offsets past the end of a finished run is not left waiting":
    "向已结束的 run 请求超出末尾的偏移量的读者，不会被晾在那里一直等",
};

export default defineChecks({
  "two readers, one from the start and one resumed after offset 0, get every token once, live, then `end`": (
    code,
  ) =>
    withChat(code, {}, async (lesson) => {
      lesson.llm.hold(3); // the answer waits after 3 tokens: both readers are there before the rest
      const { runId } = await lesson.client.send(newChatId(), newMessage());
      const tab = await lesson.client.read(runId);
      const resumed = await lesson.client.read(runId, { after: 0 });
      await untilTokens(tab, 3, {
        en: `the reader from the start never got the first 3 tokens: ${LIVE.en}`,
        zh: `从头读的读者一直没拿到前 3 个 token：${LIVE.zh}`,
      });
      await untilTokens(resumed, 2, {
        en: `the reader resumed after offset 0 never got offsets 1 and 2: ${LIVE.en}`,
        zh: `从偏移量 0 之后续传的读者一直没拿到偏移量 1 和 2：${LIVE.zh}`,
      });
      lesson.llm.release();
      await untilEnd(tab, {
        en: `the rest of the answer never reached the reader from the start: ${LIVE.en}`,
        zh: `回答剩下的部分一直没到达从头读的读者：${LIVE.zh}`,
      });
      await untilEnd(resumed, {
        en: `the rest of the answer never reached the resumed reader: ${LIVE.en}`,
        zh: `回答剩下的部分一直没到达续传的读者：${LIVE.zh}`,
      });
      for (const [reader, from] of [
        [tab, 0],
        [resumed, 1],
      ] as const) {
        const offsets = offsetsOf(reader);
        must(offsets.length === REPLY.length - from && offsets.every((offset, i) => offset === from + i), {
          en: `a reader from offset ${from} got ${got(reader)}: expected offsets ${from} to ${REPLY.length - 1}, each once, in order`,
          zh: `从偏移量 ${from} 读的读者收到的是 ${gotZh(reader)}：应该是偏移量 ${from} 到 ${REPLY.length - 1}，每个一次，按顺序`,
        });
      }
      must(textOf(tab) === REPLY.join(""), {
        en: "the reader from the start did not get the answer's text",
        zh: "从头读的读者没拿到回答的文本",
      });
      must(endOf(tab)?.reason === "complete" && endOf(tab)?.tokens === REPLY.length, {
        en: `the answer ended with ${JSON.stringify(endOf(tab))}, not complete with ${REPLY.length} tokens`,
        zh: `回答结束时是 ${JSON.stringify(endOf(tab))}，而不是 complete、共 ${REPLY.length} 个 token`,
      });
    }),

  "Stop ends every reader's stream, a resumed one too, with `end` stopped and the tokens generated": (code) =>
    withChat(code, {}, async (lesson) => {
      lesson.llm.hold(3);
      const chatId = newChatId();
      const { runId } = await lesson.client.send(chatId, newMessage());
      const tab = await lesson.client.read(runId);
      const resumed = await lesson.client.read(runId, { after: 1 });
      await untilTokens(tab, 3, {
        en: `the reader from the start never got the first 3 tokens: ${LIVE.en}`,
        zh: `从头读的读者一直没拿到前 3 个 token：${LIVE.zh}`,
      });
      await untilTokens(resumed, 1, {
        en: `the reader resumed after offset 1 never got offset 2: ${LIVE.en}`,
        zh: `从偏移量 1 之后续传的读者一直没拿到偏移量 2：${LIVE.zh}`,
      });
      must((await lesson.client.stop(chatId)) === runId, {
        en: "POST /api/chat/:chatId/stop did not stop the run",
        zh: "POST /api/chat/:chatId/stop 没有停掉这个 run",
      });
      for (const [reader, name] of [
        [tab, { en: "the reader from the start", zh: "从头读的读者" }],
        [resumed, { en: "the resumed reader", zh: "续传的读者" }],
      ] as const) {
        await untilEnd(reader, {
          en: `after Stop, ${name.en} never got \`end\`: the run's \`done\` must wake every reader waiting for an entry`,
          zh: `Stop 之后，${name.zh}一直没收到 \`end\`：run 的 \`done\` 必须唤醒每一个在等记录的读者`,
        });
        must(endOf(reader)?.reason === "stopped" && endOf(reader)?.tokens === 3, {
          en: `after Stop, ${name.en} got ${got(reader)}, not end {"reason":"stopped","tokens":3}`,
          zh: `Stop 之后，${name.zh}收到的是 ${gotZh(reader)}，而不是 end {"reason":"stopped","tokens":3}`,
        });
        await within(reader.ended, GUARD_MS, {
          en: `after \`end\`, ${name.en}'s stream stayed open: return after \`done\`, so the route ends the response`,
          zh: `\`end\` 之后，${name.zh}的流还开着：在 \`done\` 之后 return，路由才会结束响应`,
        });
      }
    }),

  "a reader that leaves ends only itself: its read returns at once, and the run goes on to the end": (code) =>
    withChat(code, {}, async (lesson) => {
      lesson.llm.hold(3);
      const { runId } = await lesson.client.send(newChatId(), newMessage());
      const leaving = new AbortController();
      const entries = lesson.runs.read(runId, -1, leaving.signal)[Symbol.asyncIterator]();
      for (let i = 0; i < 3; i++) {
        const next = await within(entries.next(), GUARD_MS, {
          en: `read() never yielded token ${i}: ${LIVE.en}`,
          zh: `read() 一直没有交出 token ${i}：${LIVE.zh}`,
        });
        must(!next.done && next.value.type === "token", {
          en: `read() ended after ${i} token(s), with no \`done\`: ${LIVE.en}`,
          zh: `read() 在 ${i} 个 token 之后就结束了，没有 \`done\`：${LIVE.zh}`,
        });
      }
      const waiting = entries.next(); // the answer is held: this waits for token 3
      leaving.abort();
      const left = await within(waiting, GUARD_MS, {
        en: "a reader waiting for the next token left (its signal aborted), and its read() went on waiting: wake it when the signal aborts, and return",
        zh: "一个在等下一个 token 的读者离开了（它的 signal 已 abort），它的 read() 却还在等：signal abort 时唤醒它，然后 return",
      });
      must(left.done, {
        en: `a reader that left was still given ${JSON.stringify(left.value)}`,
        zh: `离开的读者还是拿到了 ${JSON.stringify(left.value)}`,
      });
      lesson.llm.release();
      const after = await lesson.client.read(runId);
      await untilEnd(after, {
        en: "after a reader left, the run never ended for the next one: leaving must not stop it",
        zh: "一个读者离开之后，下一个读者始终等不到 run 结束：离开不能让 run 停下",
      });
      must(endOf(after)?.reason === "complete" && offsetsOf(after).length === REPLY.length, {
        en: `after a reader left, the next reader got ${got(after)}: the run should go on to the end`,
        zh: `一个读者离开之后，下一个读者收到的是 ${gotZh(after)}：run 应该继续到结束`,
      });
    }),

  "a reader that asks for offsets past the end of a finished run is not left waiting": (code) =>
    withChat(code, {}, async (lesson) => {
      const { runId } = await lesson.client.send(newChatId(), newMessage());
      await untilEnd(await lesson.client.read(runId), {
        en: `the run never ended: ${LIVE.en}`,
        zh: `run 一直没有结束：${LIVE.zh}`,
      });
      const past = await lesson.client.read(runId, { after: REPLY.length + 5 });
      await within(past.ended, GUARD_MS, {
        en: "a reader asking for offsets past the end of a finished run was kept waiting: nothing more will ever come, return",
        zh: "向已结束的 run 请求超出末尾的偏移量的读者被一直晾着：不会再有任何东西来了，直接 return",
      });
    }),
});
