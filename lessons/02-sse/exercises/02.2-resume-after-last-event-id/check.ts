import { defineChecks, must, within } from "@workshop/exercises";
import { connectSse } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

const PROMPT = "why stream?";

/** Reads a finished job's stream sent with `Last-Event-ID: lastId`. */
async function reconnect(url: string, id: string, lastId: string) {
  const stream = await connectSse(`${url}/api/jobs/${id}/events`, { headers: { "Last-Event-ID": lastId } });
  await within(stream.ended, 2000, "the stream never ended");
  const seqs = stream.events.filter((e) => e.type === "token").map((e) => Number(e.lastEventId));
  return { status: stream.response.status, seqs };
}

export default defineChecks({
  "a reconnect with Last-Event-ID: 4 gets seq 5 onwards: nothing lost, nothing twice": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob(PROMPT);
      await lesson.llm.idle();
      const { seqs } = await reconnect(lesson.url, id, "4");
      const count = lesson.llm.replyTokens(PROMPT).length;
      must(
        seqs[0] === 5,
        `after Last-Event-ID: 4 the first token sent was seq ${seqs[0]}, not 5: the browser already has seqs 0 to 4, continue right after the id it sent`,
      );
      must(
        seqs.length === count - 5,
        `after Last-Event-ID: 4, ${seqs.length} tokens came back instead of ${count - 5}: send each missing token once, none the browser already has`,
      );
    }),

  "a client that already has the done event gets 204, so EventSource stops for good": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob(PROMPT);
      await lesson.llm.idle();
      const doneId = String(lesson.llm.replyTokens(PROMPT).length);
      const { status } = await reconnect(lesson.url, id, doneId);
      must(
        status === 204,
        `after Last-Event-ID: ${doneId} (the done event) the server answered ${status}, not 204: this client has everything, and only 204 makes EventSource stop reconnecting (resume after the done event's id)`,
      );
    }),

  "an id that is not a seq, or one this job never sent, replays from the start": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob(PROMPT);
      await lesson.llm.idle();
      for (const lastId of ["abc", "-1", "999999", "1e3"]) {
        const { seqs } = await reconnect(lesson.url, id, lastId);
        must(
          seqs[0] === 0,
          `after Last-Event-ID: ${lastId} the reply should start over at seq 0, not ${seqs[0]}: an id that is not a plain number, or one this job never sent, cannot be trusted`,
        );
      }
    }),
});
