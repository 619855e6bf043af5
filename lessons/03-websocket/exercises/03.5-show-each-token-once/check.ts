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

const NOTHING_SHOWN = {
  en: "no token was shown at all: on a token of this reply, append its text to reply.text and move lastSeq to its seq",
  zh: "一个 token 都没有显示：收到这条回复的 token 时，把它的文本追加到 reply.text，并把 lastSeq 移到它的 seq",
};

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a reply's tokens are shown in order, and track() says when the text changed":
    "回复的 token 按顺序显示，文本有变化时 track() 会说出来",
  "a token shown already is ignored and counted as a duplicate": "已经显示过的 token 被忽略，并计为重复",
  "a jump in seq is still shown, and counted as a gap": "seq 跳号的 token 照样显示，并计为一个缺口",
  "messages about another job are ignored; a new 'started' begins a fresh reply":
    "别的任务的消息一律忽略；新的 'started' 开始一条全新的回复",
  "resumeMessage asks for what comes after the last token shown, and for nothing once done":
    "resumeMessage 请求最后一个已显示 token 之后的内容，回复完成后什么也不请求",
  "over a real WebSocket, a reply dropped halfway and resumed shows the exact text, each token once":
    "在真实的 WebSocket 上，回复中途断线再续传，显示的文本一字不差，每个 token 只显示一次",
};

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
    must(reply.jobId === "j1", {
      en: `after "started" for job j1, the tracker's jobId is ${reply.jobId}: remember the new job`,
      zh: `收到任务 j1 的 "started" 之后，tracker 的 jobId 是 ${reply.jobId}：要记住这个新任务`,
    });
    must(reply.text === "Streaming works", {
      en: `after tokens 0, 1 and 2 the text is "${reply.text}", not "Streaming works": append each new token's text`,
      zh: `收到 token 0、1、2 之后，文本是 "${reply.text}"，不是 "Streaming works"：把每个新 token 的文本追加上去`,
    });
    must(reply.lastSeq === 2, {
      en: `after tokens 0 to 2, lastSeq is ${reply.lastSeq}, not 2: it is the seq of the last token shown`,
      zh: `收到 token 0 到 2 之后，lastSeq 是 ${reply.lastSeq}，不是 2：它是最后一个已显示 token 的 seq`,
    });
    must(changed.every(Boolean), {
      en: `track() returned ${changed.join(", ")}: "started" and each new token change what the page shows, so return true`,
      zh: `track() 返回的是 ${changed.join(", ")}："started" 和每个新 token 都会改变页面显示的内容，所以要返回 true`,
    });
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
    must(reply.text === "abcd", {
      en: `with tokens 1 and 2 arriving twice (a resume overlapped), the text is "${reply.text}", not "abcd": a seq not past lastSeq was shown already, skip it`,
      zh: `token 1 和 2 各到了两次（续传有重叠）时，文本是 "${reply.text}"，不是 "abcd"：seq 没有超过 lastSeq 的已经显示过了，跳过它`,
    });
    must(reply.duplicates === 2, {
      en: `2 tokens arrived twice, but duplicates is ${reply.duplicates}`,
      zh: `有 2 个 token 到了两次，duplicates 却是 ${reply.duplicates}`,
    });
    must(changed[4] === false && changed[5] === false, {
      en: "track() returned true for a duplicate: the text did not change, so return false",
      zh: "track() 对重复的 token 返回了 true：文本没有变化，所以要返回 false",
    });
  },

  "a jump in seq is still shown, and counted as a gap": async (code) => {
    const { reply } = await fed(code, [
      { type: "started", jobId: "j1" },
      token(0, "a"),
      token(3, "d"),
      token(4, "e"),
    ]);
    must(reply.text !== "", NOTHING_SHOWN);
    must(reply.text === "ade", {
      en: `after seqs 0, 3, 4 the text is "${reply.text}", not "ade": show a token past a gap, the page can flag the gap`,
      zh: `收到 seq 0、3、4 之后，文本是 "${reply.text}"，不是 "ade"：缺口之后的 token 也要显示，页面可以把缺口标出来`,
    });
    must(reply.gaps === 1, {
      en: `seqs 1 and 2 never arrived (one gap), but gaps is ${reply.gaps}`,
      zh: `seq 1 和 2 一直没到（一个缺口），gaps 却是 ${reply.gaps}`,
    });
    must(reply.lastSeq === 4, {
      en: `after seqs 0, 3, 4, lastSeq is ${reply.lastSeq}, not 4`,
      zh: `收到 seq 0、3、4 之后，lastSeq 是 ${reply.lastSeq}，不是 4`,
    });
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
    must(text === "old answer" && !done, {
      en: `messages for another job changed this reply (text "${text}", done ${done}): ignore any message whose jobId is not this reply's`,
      zh: `别的任务的消息改动了这条回复（text "${text}"，done ${done}）：jobId 不是这条回复的消息一律忽略`,
    });
    const { track } = await load(code);
    track(reply, { type: "started", jobId: "j2" });
    track(reply, token(0, "new", "j2"));
    must(reply.jobId === "j2" && reply.text === "new" && reply.lastSeq === 0, {
      en: `after "started" for j2 and its token 0, the tracker has job ${reply.jobId}, text "${reply.text}", lastSeq ${reply.lastSeq}: a new reply starts from nothing (newReply())`,
      zh: `收到 j2 的 "started" 和它的 token 0 之后，tracker 里是任务 ${reply.jobId}、text "${reply.text}"、lastSeq ${reply.lastSeq}：新回复要从零开始（newReply()）`,
    });
    must(reply.duplicates === 0 && reply.gaps === 0, {
      en: "the new reply kept the old one's duplicate or gap counts: reset everything on 'started'",
      zh: "新回复沿用了旧回复的重复数或缺口数：收到 'started' 时把一切都重置",
    });
  },

  "resumeMessage asks for what comes after the last token shown, and for nothing once done": async (code) => {
    const { newReply, track, resumeMessage } = await load(code);
    const reply = newReply();
    must(resumeMessage(reply) === undefined, {
      en: "before any reply started, resumeMessage returned a message: there is nothing to resume",
      zh: "还没有任何回复开始，resumeMessage 就返回了一条消息：这时没有什么可续传的",
    });
    track(reply, { type: "started", jobId: "j1" });
    const beforeTokens = resumeMessage(reply);
    must(beforeTokens?.type === "resume" && beforeTokens.jobId === "j1" && beforeTokens.afterSeq === -1, {
      en: `started but no token yet, resumeMessage returned ${JSON.stringify(beforeTokens)}: ask for everything, afterSeq -1`,
      zh: `已经 started 但还没有 token 时，resumeMessage 返回的是 ${JSON.stringify(beforeTokens)}：要请求全部内容，afterSeq -1`,
    });
    for (const [seq, text] of ["a", "b", "c"].entries()) track(reply, token(seq, text));
    const afterTokens = resumeMessage(reply);
    must(afterTokens?.type === "resume" && afterTokens.afterSeq === 2, {
      en: `after tokens 0 to 2, resumeMessage returned ${JSON.stringify(afterTokens)}, not { type: "resume", jobId: "j1", afterSeq: 2 }`,
      zh: `收到 token 0 到 2 之后，resumeMessage 返回的是 ${JSON.stringify(afterTokens)}，不是 { type: "resume", jobId: "j1", afterSeq: 2 }`,
    });
    track(reply, { type: "done", jobId: "j1" });
    must(reply.done, {
      en: `"done" for this job did not mark the reply done`,
      zh: `本任务的 "done" 没有把回复标记为已完成`,
    });
    must(resumeMessage(reply) === undefined, {
      en: "once the reply is done, resumeMessage still asks to resume it: a finished reply needs nothing",
      zh: "回复已经完成，resumeMessage 却还在请求续传：完成了的回复什么也不缺",
    });
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
        { en: "the first 10 tokens never arrived", zh: "前 10 个 token 一直没有到" },
      );
      first.ws.terminate(); // the network drops
      for (const message of first.messages) track(reply, message);
      const resume = resumeMessage(reply);
      must(resume, {
        en: "halfway through a reply, resumeMessage returned nothing to send on the new socket",
        zh: "回复进行到一半时，resumeMessage 没有返回任何可以在新 socket 上发送的内容",
      });
      const second = await connectWebSocket<ServerMessage>(wsUrl(url));
      try {
        second.send(resume);
        await within(
          second.waitFor((messages) => messages.some((m) => m.type === "done" || m.type === "error")),
          10_000,
          {
            en: `after sending ${JSON.stringify(resume)}, the reply never finished`,
            zh: `发送 ${JSON.stringify(resume)} 之后，回复一直没有结束`,
          },
        );
        const refused = second.messages.find((m) => m.type === "error");
        must(!refused, {
          en: `the server refused ${JSON.stringify(resume)}: ${refused?.type === "error" ? `${refused.code}, "${refused.message}"` : ""}. afterSeq is the seq of the last token the page showed`,
          zh: `服务器拒绝了 ${JSON.stringify(resume)}：${refused?.type === "error" ? `${refused.code}, "${refused.message}"` : ""}。afterSeq 是页面显示的最后一个 token 的 seq`,
        });
        for (const message of second.messages) track(reply, message);
        const expected = llm.replyTokens(prompt).join("");
        must(reply.text === expected, {
          en: `after the resume the page shows "${reply.text.slice(0, 60)}…" (${reply.text.length} characters) for a ${expected.length}-character reply`,
          zh: `续传之后，一条 ${expected.length} 个字符的回复，页面显示的是 "${reply.text.slice(0, 60)}…"（${reply.text.length} 个字符）`,
        });
        must(reply.done, {
          en: "the reply's done message did not mark it done",
          zh: "回复的 done 消息没有把它标记为已完成",
        });
        must(reply.duplicates === 0 && reply.gaps === 0, {
          en: `the resume caused ${reply.duplicates} duplicate(s) and ${reply.gaps} gap(s): ask for afterSeq = the last seq shown`,
          zh: `这次续传造成了 ${reply.duplicates} 个重复和 ${reply.gaps} 个缺口：请求时 afterSeq = 最后一个已显示的 seq`,
        });
      } finally {
        second.ws.close();
      }
    }),
});
