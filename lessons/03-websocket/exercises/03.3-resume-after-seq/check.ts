import { defineChecks, must, mustEventually, within } from "@workshop/exercises";
import { steadyTiming } from "@workshop/mock-llm";
import { connectWebSocket } from "@workshop/testkit";
import type { ServerMessage } from "../../src/protocol.ts";
import { withServer } from "../with-server.ts";

const PROMPT = "why stream?";
const STEADY = steadyTiming(3);
const wsUrl = (url: string) => `${url.replace(/^http/, "ws")}/ws`;
const seqsOf = (messages: ServerMessage[]) => messages.flatMap((m) => (m.type === "token" ? [m.seq] : []));

export default defineChecks({
  "a new job streams every token, then done": (code) =>
    withServer(code, { timing: STEADY }, async ({ url, llm }) => {
      const client = await connectWebSocket<ServerMessage>(wsUrl(url));
      try {
        client.send({ type: "start", prompt: PROMPT });
        await within(
          client.waitFor((m) => seqsOf(m).length >= 1),
          5000, // hang guards: a busy machine takes several times as long, a bug takes for ever
          "no token arrived",
        );
        await within(
          client.waitFor((messages) => messages.some((m) => m.type === "done")),
          10_000,
          "no `done` message arrived: send it when the job is done",
        );
        const count = llm.replyTokens(PROMPT).length;
        must(
          seqsOf(client.messages).length === count,
          `${seqsOf(client.messages).length} of ${count} tokens arrived: send the tokens the job has, then each new one as it comes`,
        );
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
        "the first 10 tokens never arrived",
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
          "after resume, no `done` message arrived",
        );
        const resumed = seqsOf(second.messages);
        must(
          resumed[0] === (seen.at(-1) ?? 0) + 1,
          `after resume { afterSeq: ${seen.at(-1)} } the first seq sent was ${resumed[0]}, not ${(seen.at(-1) ?? 0) + 1}: continue right after the seq the page already has`,
        );
        const all = [...seen, ...resumed];
        const count = llm.replyTokens(PROMPT).length;
        must(
          all.length === count && all.every((seq, i) => seq === i),
          `the two sockets together received ${all.length} tokens for ${count}, some lost or twice: replay what the job has, then follow it live, with one counter for both`,
        );
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
        "no token arrived",
      );
      must(
        jobs.listenerCount() === 1,
        "while a socket follows the job, the job should have exactly one listener: subscribe once per follow",
      );
      client.ws.terminate();
      await mustEventually(
        () => jobs.listenerCount() === 0,
        1000,
        "after the socket closed, the job still calls back into it: register a stop (unsubscribe) under the job's id in `following`, so the session can stop following when its socket closes",
      );
    }),
});
