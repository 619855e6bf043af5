import { defineChecks, must, within } from "@workshop/exercises";
import {
  endOf,
  GUARD_MS,
  got,
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
  await untilEnd(await lesson.client.read(runId), "a reader from the start never got the run's `end`");
  return runId;
}

/** All that a reader that says it has `has` gets back from a finished run, to the stream's end. */
async function resumed(lesson: Lesson, runId: string, has: { after?: string; lastEventId?: string }) {
  const reader = await lesson.client.read(runId, has);
  await within(reader.ended, GUARD_MS, `with ${sent(has)}, the stream of a finished run never ended`);
  return reader;
}

const sent = (has: { after?: string; lastEventId?: string }) =>
  has.after === undefined ? `Last-Event-ID: ${has.lastEventId}` : `?after=${has.after}`;

export default defineChecks({
  "a page that kept offset 3 (?after=3) gets offset 4 onwards, each once, then `end`": (code) =>
    withChat(code, {}, async (lesson) => {
      const runId = await finishedRun(lesson);
      const reader = await resumed(lesson, runId, { after: "3" });
      const offsets = offsetsOf(reader);
      must(
        offsets[0] === 4,
        `after ?after=3 the first token sent was offset ${offsets[0]}, not 4: the page has offsets 0 to 3 (it kept them across the reload), continue right after the one it names`,
      );
      must(
        offsets.every((offset, i) => offset === 4 + i) && offsets.length === REPLY.length - 4,
        `after ?after=3 the reader got ${got(reader)}; expected offsets 4 to ${REPLY.length - 1}, each once`,
      );
      must(
        textOf(reader) === REPLY.slice(4).join(""),
        "the tokens after ?after=3 are not the rest of the answer",
      );
      must(endOf(reader)?.reason === "complete", `the resumed reader ended with ${got(reader)}`);
    }),

  "an EventSource that reconnects with Last-Event-ID: 2 gets offset 3 onwards": (code) =>
    withChat(code, {}, async (lesson) => {
      const runId = await finishedRun(lesson);
      const reader = await resumed(lesson, runId, { lastEventId: "2" });
      const offsets = offsetsOf(reader);
      must(
        offsets[0] === 3 && offsets.length === REPLY.length - 3,
        `after Last-Event-ID: 2 the reader got ${got(reader)}, not offsets 3 to ${REPLY.length - 1}: an EventSource that reconnects says where it stopped in that header, not in the query`,
      );
    }),

  "an EventSource opened at ?after=0 that reconnects with Last-Event-ID: 2 gets offset 3 onwards: the header is newer":
    (code) =>
      withChat(code, {}, async (lesson) => {
        const runId = await finishedRun(lesson);
        const reader = await resumed(lesson, runId, { after: "0", lastEventId: "2" });
        must(
          offsetsOf(reader)[0] === 3,
          `with ?after=0 and Last-Event-ID: 2 the reader got ${got(reader)}, not offset 3 onwards: an EventSource keeps the address it was opened with and adds the header when it reconnects, so the header is where it really stopped`,
        );
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
        must(
          reader.response.status === 204,
          `with ${sent(has)} (the id of the run's \`end\`) the server answered ${reader.response.status}, a stream to read again, not 204: that reader has everything, and only 204 stops an EventSource from reconnecting`,
        );
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
        must(
          offsetsOf(reader)[0] === 0 && offsetsOf(reader).length === REPLY.length,
          `with ${sent(has)} the reader got ${got(reader)}, not the whole run from offset 0: a value that is not digits only cannot be trusted (0x10 read as 16 would skip 17 tokens), so read from the start`,
        );
      }
    }),
});
