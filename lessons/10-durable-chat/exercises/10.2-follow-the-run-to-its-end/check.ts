import { defineChecks, must, within } from "@workshop/exercises";
import {
  endOf,
  GUARD_MS,
  got,
  newChatId,
  newMessage,
  offsetsOf,
  REPLY,
  textOf,
  untilEnd,
  untilTokens,
  withChat,
} from "../with-chat.ts";

const LIVE = "a reader must follow the run live: after what is there, wait for each new entry, until `done`";

export default defineChecks({
  "two readers, one from the start and one resumed after offset 0, get every token once, live, then `end`": (
    code,
  ) =>
    withChat(code, {}, async (lesson) => {
      lesson.llm.hold(3); // the answer waits after 3 tokens: both readers are there before the rest
      const { runId } = await lesson.client.send(newChatId(), newMessage());
      const tab = await lesson.client.read(runId);
      const resumed = await lesson.client.read(runId, { after: 0 });
      await untilTokens(tab, 3, `the reader from the start never got the first 3 tokens: ${LIVE}`);
      await untilTokens(resumed, 2, `the reader resumed after offset 0 never got offsets 1 and 2: ${LIVE}`);
      lesson.llm.release();
      await untilEnd(tab, `the rest of the answer never reached the reader from the start: ${LIVE}`);
      await untilEnd(resumed, `the rest of the answer never reached the resumed reader: ${LIVE}`);
      for (const [reader, from] of [
        [tab, 0],
        [resumed, 1],
      ] as const) {
        const offsets = offsetsOf(reader);
        must(
          offsets.length === REPLY.length - from && offsets.every((offset, i) => offset === from + i),
          `a reader from offset ${from} got ${got(reader)}: expected offsets ${from} to ${REPLY.length - 1}, each once, in order`,
        );
      }
      must(textOf(tab) === REPLY.join(""), "the reader from the start did not get the answer's text");
      must(
        endOf(tab)?.reason === "complete" && endOf(tab)?.tokens === REPLY.length,
        `the answer ended with ${JSON.stringify(endOf(tab))}, not complete with ${REPLY.length} tokens`,
      );
    }),

  "Stop ends every reader's stream, a resumed one too, with `end` stopped and the tokens generated": (code) =>
    withChat(code, {}, async (lesson) => {
      lesson.llm.hold(3);
      const chatId = newChatId();
      const { runId } = await lesson.client.send(chatId, newMessage());
      const tab = await lesson.client.read(runId);
      const resumed = await lesson.client.read(runId, { after: 1 });
      await untilTokens(tab, 3, `the reader from the start never got the first 3 tokens: ${LIVE}`);
      await untilTokens(resumed, 1, `the reader resumed after offset 1 never got offset 2: ${LIVE}`);
      must((await lesson.client.stop(chatId)) === runId, "POST /api/chat/:chatId/stop did not stop the run");
      for (const [reader, name] of [
        [tab, "the reader from the start"],
        [resumed, "the resumed reader"],
      ] as const) {
        await untilEnd(
          reader,
          `after Stop, ${name} never got \`end\`: the run's \`done\` must wake every reader waiting for an entry`,
        );
        must(
          endOf(reader)?.reason === "stopped" && endOf(reader)?.tokens === 3,
          `after Stop, ${name} got ${got(reader)}, not end {"reason":"stopped","tokens":3}`,
        );
        await within(
          reader.ended,
          GUARD_MS,
          `after \`end\`, ${name}'s stream stayed open: return after \`done\`, so the route ends the response`,
        );
      }
    }),

  "a reader that leaves ends only itself: its read returns at once, and the run goes on to the end": (code) =>
    withChat(code, {}, async (lesson) => {
      lesson.llm.hold(3);
      const { runId } = await lesson.client.send(newChatId(), newMessage());
      const leaving = new AbortController();
      const entries = lesson.runs.read(runId, -1, leaving.signal)[Symbol.asyncIterator]();
      for (let i = 0; i < 3; i++) {
        const next = await within(entries.next(), GUARD_MS, `read() never yielded token ${i}: ${LIVE}`);
        must(
          !next.done && next.value.type === "token",
          `read() ended after ${i} token(s), with no \`done\`: ${LIVE}`,
        );
      }
      const waiting = entries.next(); // the answer is held: this waits for token 3
      leaving.abort();
      const left = await within(
        waiting,
        GUARD_MS,
        "a reader waiting for the next token left (its signal aborted), and its read() went on waiting: wake it when the signal aborts, and return",
      );
      must(left.done, `a reader that left was still given ${JSON.stringify(left.value)}`);
      lesson.llm.release();
      const after = await lesson.client.read(runId);
      await untilEnd(
        after,
        "after a reader left, the run never ended for the next one: leaving must not stop it",
      );
      must(
        endOf(after)?.reason === "complete" && offsetsOf(after).length === REPLY.length,
        `after a reader left, the next reader got ${got(after)}: the run should go on to the end`,
      );
    }),

  "a reader that asks for offsets past the end of a finished run is not left waiting": (code) =>
    withChat(code, {}, async (lesson) => {
      const { runId } = await lesson.client.send(newChatId(), newMessage());
      await untilEnd(await lesson.client.read(runId), `the run never ended: ${LIVE}`);
      const past = await lesson.client.read(runId, { after: REPLY.length + 5 });
      await within(
        past.ended,
        GUARD_MS,
        "a reader asking for offsets past the end of a finished run was kept waiting: nothing more will ever come, return",
      );
    }),
});
