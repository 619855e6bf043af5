import { defineChecks, must, within } from "@workshop/exercises";
import {
  endOf,
  GUARD_MS,
  got,
  gotZh,
  type Lesson,
  newChatId,
  newMessage,
  offsetsOf,
  REPLY,
  textOf,
  untilEnd,
  withChat,
} from "../with-chat.ts";

/** A run read to its end once, so every check below reads a finished log. */
async function finishedRun(lesson: Lesson): Promise<string> {
  const { runId } = await lesson.client.send(newChatId(), newMessage());
  await untilEnd(await lesson.client.read(runId), {
    en: "a reader from the start never got the run's `end`",
    zh: "从头读的读者一直没收到这个 run 的 `end`",
  });
  return runId;
}

/** All that a reader that says it has `has` gets back from a finished run, to the stream's end. */
async function resumed(lesson: Lesson, runId: string, has: { after?: string; lastEventId?: string }) {
  const reader = await lesson.client.read(runId, has);
  await within(reader.ended, GUARD_MS, {
    en: `with ${sent(has)}, the stream of a finished run never ended`,
    zh: `带着 ${sent(has)}，一个已结束的 run 的流却一直没有结束`,
  });
  return reader;
}

const sent = (has: { after?: string; lastEventId?: string }) =>
  has.after === undefined ? `Last-Event-ID: ${has.lastEventId}` : `?after=${has.after}`;

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a page that kept offset 3 (?after=3) gets offset 4 onwards, each once, then `end`":
    "保存了偏移量 3 的页面（?after=3）拿到偏移量 4 及之后的 token，每个一次，然后是 `end`",
  "an EventSource that reconnects with Last-Event-ID: 2 gets offset 3 onwards":
    "带着 Last-Event-ID: 2 断线重连的 EventSource 拿到偏移量 3 及之后的 token",
  "an EventSource opened at ?after=0 that reconnects with Last-Event-ID: 2 gets offset 3 onwards: the header is newer":
    "在 ?after=0 上打开、带着 Last-Event-ID: 2 断线重连的 EventSource 拿到偏移量 3 及之后的 token：请求头更新",
  "a reader that has the `end` (its id is the token count) is told 204, so an EventSource stops for good":
    "已经拿到 `end`（它的 id 就是 token 总数）的读者会收到 204，EventSource 从此不再重连",
  "anything that is not a plain offset reads from the start: replaying is harmless, skipping is not":
    "凡不是纯粹偏移量的值都从头读：重放无害，跳过有害",
};

export default defineChecks({
  "a page that kept offset 3 (?after=3) gets offset 4 onwards, each once, then `end`": (code) =>
    withChat(code, {}, async (lesson) => {
      const runId = await finishedRun(lesson);
      const reader = await resumed(lesson, runId, { after: "3" });
      const offsets = offsetsOf(reader);
      must(offsets[0] === 4, {
        en: `after ?after=3 the first token sent was offset ${offsets[0]}, not 4: the page has offsets 0 to 3 (it kept them across the reload), continue right after the one it names`,
        zh: `带 ?after=3 时，发出的第一个 token 是偏移量 ${offsets[0]}，不是 4：页面已经有偏移量 0 到 3（刷新时保存下来的），要紧接着它说的那个偏移量往下发`,
      });
      must(offsets.every((offset, i) => offset === 4 + i) && offsets.length === REPLY.length - 4, {
        en: `after ?after=3 the reader got ${got(reader)}; expected offsets 4 to ${REPLY.length - 1}, each once`,
        zh: `带 ?after=3 时，读者收到的是 ${gotZh(reader)}；应该是偏移量 4 到 ${REPLY.length - 1}，每个一次`,
      });
      must(textOf(reader) === REPLY.slice(4).join(""), {
        en: "the tokens after ?after=3 are not the rest of the answer",
        zh: "?after=3 之后的 token 不是回答剩下的部分",
      });
      must(endOf(reader)?.reason === "complete", {
        en: `the resumed reader ended with ${got(reader)}`,
        zh: `续传的读者结束时收到的是 ${gotZh(reader)}`,
      });
    }),

  "an EventSource that reconnects with Last-Event-ID: 2 gets offset 3 onwards": (code) =>
    withChat(code, {}, async (lesson) => {
      const runId = await finishedRun(lesson);
      const reader = await resumed(lesson, runId, { lastEventId: "2" });
      const offsets = offsetsOf(reader);
      must(offsets[0] === 3 && offsets.length === REPLY.length - 3, {
        en: `after Last-Event-ID: 2 the reader got ${got(reader)}, not offsets 3 to ${REPLY.length - 1}: an EventSource that reconnects says where it stopped in that header, not in the query`,
        zh: `带 Last-Event-ID: 2 时，读者收到的是 ${gotZh(reader)}，而不是偏移量 3 到 ${REPLY.length - 1}：断线重连的 EventSource 用这个请求头说明它停在哪里，而不是用查询参数`,
      });
    }),

  "an EventSource opened at ?after=0 that reconnects with Last-Event-ID: 2 gets offset 3 onwards: the header is newer":
    (code) =>
      withChat(code, {}, async (lesson) => {
        const runId = await finishedRun(lesson);
        const reader = await resumed(lesson, runId, { after: "0", lastEventId: "2" });
        must(offsetsOf(reader)[0] === 3, {
          en: `with ?after=0 and Last-Event-ID: 2 the reader got ${got(reader)}, not offset 3 onwards: an EventSource keeps the address it was opened with and adds the header when it reconnects, so the header is where it really stopped`,
          zh: `同时带 ?after=0 和 Last-Event-ID: 2 时，读者收到的是 ${gotZh(reader)}，而不是从偏移量 3 开始：EventSource 会保留打开时的地址，重连时再加上这个请求头，所以请求头才是它真正停下的地方`,
        });
      }),

  "a reader that has the `end` (its id is the token count) is told 204, so an EventSource stops for good": (
    code,
  ) =>
    withChat(code, {}, async (lesson) => {
      const runId = await finishedRun(lesson);
      const count = String(REPLY.length);
      for (const has of [{ lastEventId: count }, { after: count }]) {
        const reader = await lesson.client.read(runId, has);
        reader.abort();
        must(reader.response.status === 204, {
          en: `with ${sent(has)} (the id of the run's \`end\`) the server answered ${reader.response.status}, a stream to read again, not 204: that reader has everything, and only 204 stops an EventSource from reconnecting`,
          zh: `带着 ${sent(has)}（这个 run 的 \`end\` 的 id），服务器返回了 ${reader.response.status}，又给了一条要重读的流，而不是 204：这个读者已经什么都有了，而只有 204 能让 EventSource 不再重连`,
        });
      }
    }),

  "anything that is not a plain offset reads from the start: replaying is harmless, skipping is not": (
    code,
  ) =>
    withChat(code, {}, async (lesson) => {
      const runId = await finishedRun(lesson);
      const untrusted = [
        ...["abc", "-2", "1e3", "0x10", "3.5", "%203", "1&after=2"].map((after) => ({ after })),
        ...["abc", "0x10", "1e3"].map((lastEventId) => ({ lastEventId })),
      ];
      for (const has of untrusted) {
        const reader = await resumed(lesson, runId, has);
        must(offsetsOf(reader)[0] === 0 && offsetsOf(reader).length === REPLY.length, {
          en: `with ${sent(has)} the reader got ${got(reader)}, not the whole run from offset 0: a value that is not digits only cannot be trusted (0x10 read as 16 would skip 17 tokens), so read from the start`,
          zh: `带着 ${sent(has)}，读者收到的是 ${gotZh(reader)}，而不是从偏移量 0 开始的整个 run：不是纯数字的值不可信（把 0x10 读成 16 会跳过 17 个 token），所以要从头读`,
        });
      }
    }),
});
