import { defineChecks, must, mustEventually, within } from "@workshop/exercises";
import { steadyTiming } from "@workshop/mock-llm";
import { connectWebSocket } from "@workshop/testkit";
import type { ServerMessage } from "../../src/protocol.ts";
import { withServer } from "../with-server.ts";

const PROMPT = "why stream?";
const STEADY = steadyTiming(3);
const wsUrl = (url: string) => `${url.replace(/^http/, "ws")}/ws`;
const seqsOf = (messages: ServerMessage[]) => messages.flatMap((m) => (m.type === "token" ? [m.seq] : []));
const NO_TOKEN = { en: "no token arrived", zh: "一个 token 都没收到" };

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a new job streams every token, then done": "新任务流式发出每一个 token，然后是 done",
  "resume { afterSeq } on a new socket sends the rest: none lost, none twice":
    "在新 socket 上 resume { afterSeq } 会发出剩下的部分：一个不丢，一个不重",
  "a socket that goes away stops following: the job keeps no callback into it":
    "离开的 socket 不再跟随任务：任务不再留着指向它的回调",
};

export default defineChecks({
  "a new job streams every token, then done": (code) =>
    withServer(code, { timing: STEADY }, async ({ url, llm }) => {
      const client = await connectWebSocket<ServerMessage>(wsUrl(url));
      try {
        client.send({ type: "start", prompt: PROMPT });
        await within(
          client.waitFor((m) => seqsOf(m).length >= 1),
          5000, // hang guards: a busy machine takes several times as long, a bug takes for ever
          NO_TOKEN,
        );
        await within(
          client.waitFor((messages) => messages.some((m) => m.type === "done")),
          10_000,
          {
            en: "no `done` message arrived: send it when the job is done",
            zh: "没有收到 `done` 消息：任务结束时要发送它",
          },
        );
        const count = llm.replyTokens(PROMPT).length;
        must(seqsOf(client.messages).length === count, {
          en: `${seqsOf(client.messages).length} of ${count} tokens arrived: send the tokens the job has, then each new one as it comes`,
          zh: `${count} 个 token 只到了 ${seqsOf(client.messages).length} 个：先发任务里已有的 token，再在每个新 token 到来时发出它`,
        });
      } finally {
        client.ws.close();
      }
    }),

  "resume { afterSeq } on a new socket sends the rest: none lost, none twice": (code) =>
    withServer(code, { timing: STEADY }, async ({ url, llm }) => {
      const first = await connectWebSocket<ServerMessage>(wsUrl(url));
      first.send({ type: "start", prompt: PROMPT });
      await within(
        first.waitFor((m) => seqsOf(m).length >= 10),
        5000,
        { en: "the first 10 tokens never arrived", zh: "前 10 个 token 一直没有到" },
      );
      first.ws.terminate(); // the network drops
      const jobId = first.messages.find((m) => m.type === "started")?.jobId ?? "";
      const seen = seqsOf(first.messages);
      const second = await connectWebSocket<ServerMessage>(wsUrl(url));
      try {
        second.send({ type: "resume", jobId, afterSeq: seen.at(-1) });
        await within(
          second.waitFor((messages) => messages.some((m) => m.type === "done")),
          10_000,
          { en: "after resume, no `done` message arrived", zh: "resume 之后没有收到 `done` 消息" },
        );
        const resumed = seqsOf(second.messages);
        must(resumed[0] === (seen.at(-1) ?? 0) + 1, {
          en: `after resume { afterSeq: ${seen.at(-1)} } the first seq sent was ${resumed[0]}, not ${(seen.at(-1) ?? 0) + 1}: continue right after the seq the page already has`,
          zh: `resume { afterSeq: ${seen.at(-1)} } 之后发出的第一个 seq 是 ${resumed[0]}，不是 ${(seen.at(-1) ?? 0) + 1}：紧接着页面已有的那个 seq 往下发`,
        });
        const all = [...seen, ...resumed];
        const count = llm.replyTokens(PROMPT).length;
        must(all.length === count && all.every((seq, i) => seq === i), {
          en: `the two sockets together received ${all.length} tokens for ${count}, some lost or twice: replay what the job has, then follow it live, with one counter for both`,
          zh: `${count} 个 token，两个 socket 一共收到 ${all.length} 个，有的丢了或者发了两遍：先补发任务里已有的，再实时跟随，两者共用一个计数器`,
        });
      } finally {
        second.ws.close();
      }
    }),

  "a socket that goes away stops following: the job keeps no callback into it": (code) =>
    withServer(code, { timing: steadyTiming(50) }, async ({ url, jobs }) => {
      const client = await connectWebSocket<ServerMessage>(wsUrl(url));
      client.send({ type: "start", prompt: PROMPT });
      await within(
        client.waitFor((m) => seqsOf(m).length >= 1),
        5000, // hang guards: a busy machine takes several times as long, a bug takes for ever
        NO_TOKEN,
      );
      must(jobs.listenerCount() === 1, {
        en: "while a socket follows the job, the job should have exactly one listener: subscribe once per follow",
        zh: "一个 socket 跟随任务时，任务应当恰好有一个监听者：每次 follow 只 subscribe 一次",
      });
      client.ws.terminate();
      await mustEventually(() => jobs.listenerCount() === 0, 1000, {
        en: "after the socket closed, the job still calls back into it: register a stop (unsubscribe) under the job's id in `following`, so the session can stop following when its socket closes",
        zh: "socket 关闭之后，任务还在回调它：在 `following` 里以任务的 id 登记一个 stop（取消订阅），这样会话就能在它的 socket 关闭时停止跟随",
      });
    }),
});
