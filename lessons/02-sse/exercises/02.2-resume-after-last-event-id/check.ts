import { defineChecks, must, within } from "@workshop/exercises";
import { connectSse } from "@workshop/testkit";
import { withServer } from "../with-server.ts";

const PROMPT = "why stream?";

/** Reads a finished job's stream sent with `Last-Event-ID: lastId`. */
async function reconnect(url: string, id: string, lastId: string) {
  const stream = await connectSse(`${url}/api/jobs/${id}/events`, { headers: { "Last-Event-ID": lastId } });
  await within(stream.ended, 2000, { en: "the stream never ended", zh: "流一直没有结束" });
  const seqs = stream.events.filter((e) => e.type === "token").map((e) => Number(e.lastEventId));
  return { status: stream.response.status, seqs };
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a reconnect with Last-Event-ID: 4 gets seq 5 onwards: nothing lost, nothing twice":
    "带着 Last-Event-ID: 4 重连，从 seq 5 开始收到：不丢也不重复",
  "a client that already has the done event gets 204, so EventSource stops for good":
    "已经收到 done 事件的客户端得到 204，EventSource 从此不再重连",
  "an id that is not a seq, or one this job never sent, replays from the start":
    "不是 seq 的 id，或这个任务从没发过的 id，都从头重放",
};

export default defineChecks({
  "a reconnect with Last-Event-ID: 4 gets seq 5 onwards: nothing lost, nothing twice": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob(PROMPT);
      await lesson.llm.idle();
      const { seqs } = await reconnect(lesson.url, id, "4");
      const count = lesson.llm.replyTokens(PROMPT).length;
      must(seqs[0] === 5, {
        en: `after Last-Event-ID: 4 the first token sent was seq ${seqs[0]}, not 5: the browser already has seqs 0 to 4, continue right after the id it sent`,
        zh: `带着 Last-Event-ID: 4 重连后，发出的第一个 token 是 seq ${seqs[0]}，不是 5：浏览器已经有了 seq 0 到 4，要紧接着它发来的 id 往下发`,
      });
      must(seqs.length === count - 5, {
        en: `after Last-Event-ID: 4, ${seqs.length} tokens came back instead of ${count - 5}: send each missing token once, none the browser already has`,
        zh: `带着 Last-Event-ID: 4 重连后，收到了 ${seqs.length} 个 token，而不是 ${count - 5} 个：缺的 token 每个只发一次，浏览器已有的一个都不要发`,
      });
    }),

  "a client that already has the done event gets 204, so EventSource stops for good": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob(PROMPT);
      await lesson.llm.idle();
      const doneId = String(lesson.llm.replyTokens(PROMPT).length);
      const { status } = await reconnect(lesson.url, id, doneId);
      must(status === 204, {
        en: `after Last-Event-ID: ${doneId} (the done event) the server answered ${status}, not 204: this client has everything, and only 204 makes EventSource stop reconnecting (resume after the done event's id)`,
        zh: `带着 Last-Event-ID: ${doneId}（done 事件）重连后，服务器返回的是 ${status}，不是 204：这个客户端已经什么都有了，只有 204 才能让 EventSource 停止重连（从 done 事件的 id 之后续传）`,
      });
    }),

  "an id that is not a seq, or one this job never sent, replays from the start": (code) =>
    withServer(code, {}, async (lesson) => {
      const id = await lesson.startJob(PROMPT);
      await lesson.llm.idle();
      for (const lastId of ["abc", "-1", "999999", "1e3"]) {
        const { seqs } = await reconnect(lesson.url, id, lastId);
        must(seqs[0] === 0, {
          en: `after Last-Event-ID: ${lastId} the reply should start over at seq 0, not ${seqs[0]}: an id that is not a plain number, or one this job never sent, cannot be trusted`,
          zh: `带着 Last-Event-ID: ${lastId} 重连后，回复应该从 seq 0 重新开始，而不是 ${seqs[0]}：不是纯数字的 id，或者这个任务从没发过的 id，都不能信`,
        });
      }
    }),
});
