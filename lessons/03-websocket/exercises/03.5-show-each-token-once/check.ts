import { defineChecks, type LessonCode, must, within } from "@workshop/exercises";
import { steadyTiming } from "@workshop/mock-llm";
import { connectWebSocket } from "@workshop/testkit";
import type * as Tracker from "../../src/client/reply-tracker.ts";
import type { ServerMessage } from "../../src/protocol.ts";
import { withServer } from "../with-server.ts";

const wsUrl = (url: string) => `${url.replace(/^http/, "ws")}/ws`;
const token = (seq: number, text: string, jobId = "j1"): ServerMessage => ({
  type: "token",
  jobId,
  seq,
  text,
});

const NOTHING_SHOWN =
  "no token was shown at all: on a token of this reply, append its text to reply.text and move lastSeq to its seq";

async function load(code: LessonCode) {
  return code.load<typeof Tracker>("src/client/reply-tracker.ts");
}

/** A fresh tracker fed `messages`; `changed` is what track() returned for each. */
async function fed(code: LessonCode, messages: ServerMessage[]) {
  const { newReply, track, resumeMessage } = await load(code);
  const reply = newReply();
  const changed = messages.map((message) => track(reply, message));
  return { reply, changed, resumeMessage };
}

export default defineChecks({
  "a reply's tokens are shown in order, and track() says when the text changed": async (code) => {
    const { reply, changed } = await fed(code, [
      { type: "started", jobId: "j1" },
      token(0, "Stream"),
      token(1, "ing"),
      token(2, " works"),
    ]);
    must(
      reply.jobId === "j1",
      `after "started" for job j1, the tracker's jobId is ${reply.jobId}: remember the new job`,
    );
    must(
      reply.text === "Streaming works",
      `after tokens 0, 1 and 2 the text is "${reply.text}", not "Streaming works": append each new token's text`,
    );
    must(
      reply.lastSeq === 2,
      `after tokens 0 to 2, lastSeq is ${reply.lastSeq}, not 2: it is the seq of the last token shown`,
    );
    must(
      changed.every(Boolean),
      `track() returned ${changed.join(", ")}: "started" and each new token change what the page shows, so return true`,
    );
  },

  "a token shown already is ignored and counted as a duplicate": async (code) => {
    const { reply, changed } = await fed(code, [
      { type: "started", jobId: "j1" },
      token(0, "a"),
      token(1, "b"),
      token(2, "c"),
      token(1, "b"), // a resume overlapped
      token(2, "c"),
      token(3, "d"),
    ]);
    must(reply.text !== "", NOTHING_SHOWN);
    must(
      reply.text === "abcd",
      `with tokens 1 and 2 arriving twice (a resume overlapped), the text is "${reply.text}", not "abcd": a seq not past lastSeq was shown already, skip it`,
    );
    must(reply.duplicates === 2, `2 tokens arrived twice, but duplicates is ${reply.duplicates}`);
    must(
      changed[4] === false && changed[5] === false,
      "track() returned true for a duplicate: the text did not change, so return false",
    );
  },

  "a jump in seq is still shown, and counted as a gap": async (code) => {
    const { reply } = await fed(code, [
      { type: "started", jobId: "j1" },
      token(0, "a"),
      token(3, "d"),
      token(4, "e"),
    ]);
    must(reply.text !== "", NOTHING_SHOWN);
    must(
      reply.text === "ade",
      `after seqs 0, 3, 4 the text is "${reply.text}", not "ade": show a token past a gap, the page can flag the gap`,
    );
    must(reply.gaps === 1, `seqs 1 and 2 never arrived (one gap), but gaps is ${reply.gaps}`);
    must(reply.lastSeq === 4, `after seqs 0, 3, 4, lastSeq is ${reply.lastSeq}, not 4`);
  },

  "messages about another job are ignored; a new 'started' begins a fresh reply": async (code) => {
    const { reply } = await fed(code, [
      { type: "started", jobId: "j1" },
      token(0, "old"),
      token(1, " answer"),
      { type: "heartbeat", at: new Date().toISOString() },
      token(2, "stray", "other-job"),
      { type: "done", jobId: "other-job" },
    ]);
    const { text, done } = reply; // copies: `must` would narrow the reply's own fields
    must(text !== "", NOTHING_SHOWN);
    must(
      text === "old answer" && !done,
      `messages for another job changed this reply (text "${text}", done ${done}): ignore any message whose jobId is not this reply's`,
    );
    const { track } = await load(code);
    track(reply, { type: "started", jobId: "j2" });
    track(reply, token(0, "new", "j2"));
    must(
      reply.jobId === "j2" && reply.text === "new" && reply.lastSeq === 0,
      `after "started" for j2 and its token 0, the tracker has job ${reply.jobId}, text "${reply.text}", lastSeq ${reply.lastSeq}: a new reply starts from nothing (newReply())`,
    );
    must(
      reply.duplicates === 0 && reply.gaps === 0,
      "the new reply kept the old one's duplicate or gap counts: reset everything on 'started'",
    );
  },

  "resumeMessage asks for what comes after the last token shown, and for nothing once done": async (code) => {
    const { newReply, track, resumeMessage } = await load(code);
    const reply = newReply();
    must(
      resumeMessage(reply) === undefined,
      "before any reply started, resumeMessage returned a message: there is nothing to resume",
    );
    track(reply, { type: "started", jobId: "j1" });
    const beforeTokens = resumeMessage(reply);
    must(
      beforeTokens?.type === "resume" && beforeTokens.jobId === "j1" && beforeTokens.afterSeq === -1,
      `started but no token yet, resumeMessage returned ${JSON.stringify(beforeTokens)}: ask for everything, afterSeq -1`,
    );
    for (const [seq, text] of ["a", "b", "c"].entries()) track(reply, token(seq, text));
    const afterTokens = resumeMessage(reply);
    must(
      afterTokens?.type === "resume" && afterTokens.afterSeq === 2,
      `after tokens 0 to 2, resumeMessage returned ${JSON.stringify(afterTokens)}, not { type: "resume", jobId: "j1", afterSeq: 2 }`,
    );
    track(reply, { type: "done", jobId: "j1" });
    must(reply.done, `"done" for this job did not mark the reply done`);
    must(
      resumeMessage(reply) === undefined,
      "once the reply is done, resumeMessage still asks to resume it: a finished reply needs nothing",
    );
  },

  "over a real WebSocket, a reply dropped halfway and resumed shows the exact text, each token once": (
    code,
  ) =>
    withServer(code, { timing: steadyTiming(5) }, async ({ url, llm }) => {
      const { newReply, track, resumeMessage } = await load(code);
      const prompt = "why stream?";
      const reply = newReply();
      const first = await connectWebSocket<ServerMessage>(wsUrl(url));
      first.send({ type: "start", prompt });
      await within(
        first.waitFor((messages) => messages.filter((m) => m.type === "token").length >= 10),
        5000,
        "the first 10 tokens never arrived",
      );
      first.ws.terminate(); // the network drops
      for (const message of first.messages) track(reply, message);
      const resume = resumeMessage(reply);
      must(resume, "halfway through a reply, resumeMessage returned nothing to send on the new socket");
      const second = await connectWebSocket<ServerMessage>(wsUrl(url));
      try {
        second.send(resume);
        await within(
          second.waitFor((messages) => messages.some((m) => m.type === "done" || m.type === "error")),
          10_000,
          `after sending ${JSON.stringify(resume)}, the reply never finished`,
        );
        const refused = second.messages.find((m) => m.type === "error");
        must(
          !refused,
          `the server refused ${JSON.stringify(resume)}: ${refused?.type === "error" ? `${refused.code}, "${refused.message}"` : ""}. afterSeq is the seq of the last token the page showed`,
        );
        for (const message of second.messages) track(reply, message);
        const expected = llm.replyTokens(prompt).join("");
        must(
          reply.text === expected,
          `after the resume the page shows "${reply.text.slice(0, 60)}…" (${reply.text.length} characters) for a ${expected.length}-character reply`,
        );
        must(reply.done, "the reply's done message did not mark it done");
        must(
          reply.duplicates === 0 && reply.gaps === 0,
          `the resume caused ${reply.duplicates} duplicate(s) and ${reply.gaps} gap(s): ask for afterSeq = the last seq shown`,
        );
      } finally {
        second.ws.close();
      }
    }),
});
