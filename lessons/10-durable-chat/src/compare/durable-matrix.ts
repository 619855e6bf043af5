// Lesson 10's rows of the comparison: what happens to an answer when the page reloads,
// a second tab opens, or the same message is sent twice. Lesson 04's chat (one fetch
// stream per request, generation tied to it) beside lesson 10's run, each judged by
// what happened (generations counted on the mock LLM, text compared with the reply),
// never by how fast.
import { randomUUID } from "node:crypto";
import { createServer as createChatServer } from "@workshop/04-llm-chat/server/app.ts";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { connectSse, type SseRecording, startLesson } from "@workshop/testkit";
import { createServer } from "../server/app.ts";
import { countingGenerations } from "./count-generations.ts";
import { JOB_TRANSPORTS, type JobTransport } from "./job-transports.ts";

export const DESIGNS = [
  ...JOB_TRANSPORTS.map((t) => t.design),
  "lesson 04: a stream per request",
  "lesson 10: a durable run",
] as const;
export type Design = (typeof DESIGNS)[number];
export const SCENARIOS = [
  "page reloaded mid-answer",
  "every tab closed mid-answer",
  "second tab opened mid-answer",
  "the same message sent twice",
] as const;
export type Scenario = (typeof SCENARIOS)[number];
export type DurableResult = Map<Scenario, Map<Design, string>>;

const PROMPT = "why stream?";

/** The mock LLM (a token every 2 ms), counting generations; the reply it gives PROMPT. */
function countingLlm() {
  const counted = countingGenerations(createMockLlm({ timing: steadyTiming(2) }));
  return { ...counted, reply: counted.llm.replyTokens(PROMPT).join("") };
}

const until = (recording: SseRecording, check: (r: SseRecording) => boolean) =>
  recording.waitFor(check).catch(() => {});

// #region lesson-04-column
/** Lesson 04: the answer is the response to one POST; reading it again means asking again. */
async function requestBound(scenario: Scenario): Promise<string> {
  const { llm, generations } = countingLlm();
  const lesson = await startLesson(createChatServer({ llm }));
  const ask = () =>
    connectSse(`${lesson.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: PROMPT }] }),
    });
  try {
    llm.hold(3);
    const first = await ask();
    await until(first, (r) => r.events.length >= 3);
    if (scenario === "second tab opened mid-answer") return "✗ nothing to join: the answer is one request's";
    if (scenario === "the same message sent twice") {
      const second = await ask();
      await until(second, (r) => r.events.length >= 3);
      llm.release();
      await Promise.all([first.ended, second.ended]);
      return generations() === 2 ? "✗ generated twice" : `? ${generations()} generations`;
    }
    first.abort(); // the tab reloads, or closes
    await llm.idle(); // the server stops generating when its client leaves
    if (scenario === "every tab closed mid-answer") return "✗ generation stopped: the answer is lost";
    llm.release();
    const again = await ask(); // what a reloaded page can do: ask again
    await again.ended;
    return generations() === 2 ? "✗ lost; asking again generates it twice" : `? ${generations()} generations`;
  } finally {
    llm.release();
    await lesson.close();
  }
}
// #endregion

/**
 * Lessons 01–03: a job outlives its reader, but its id is the asking page's, and none of
 * their pages keeps it: after a reload, or in a second tab, the page can only ask again.
 */
async function jobColumn(transport: JobTransport, scenario: Scenario): Promise<string> {
  const { llm, generations } = countingLlm();
  const lesson = await transport.serve(llm);
  const fullReply = llm.replyTokens(PROMPT).length;
  try {
    llm.hold(3);
    const first = await transport.start(lesson.url, PROMPT, 3);
    if (scenario === "every tab closed mid-answer") {
      await first.leave();
      const before = llm.tokensGenerated;
      llm.release();
      await llm.idle();
      return llm.tokensGenerated - before === fullReply - 3
        ? "✓ generated to the end"
        : "✗ generation stopped";
    }
    if (scenario !== "the same message sent twice") await first.leave(); // reloaded: the page forgot the job
    const again = await transport.start(lesson.url, PROMPT, 3); // all the page (or a second tab) can do
    llm.release();
    await llm.idle();
    await again.leave();
    const verdict =
      scenario === "the same message sent twice" ? "✗ generated twice" : "✗ asks again: generated twice";
    return generations() === 2 ? verdict : `? ${generations()} generations`;
  } finally {
    llm.release();
    await lesson.close();
  }
}

/** Lesson 10: the answer is a run; a reader reads it from an offset, as often as it likes. */
async function durableRun(scenario: Scenario): Promise<string> {
  const { llm, generations, reply } = countingLlm();
  const lesson = await startLesson(createServer({ llm }));
  const chatId = `c-${randomUUID()}`;
  const message = { id: `m-${randomUUID()}`, text: PROMPT, parentId: null };
  const send = async () => {
    const response = await fetch(`${lesson.url}/api/chats/${chatId}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(message),
    });
    return (await response.json()) as { runId: string };
  };
  const read = (runId: string, after = -1) =>
    connectSse(`${lesson.url}/api/runs/${runId}/events${after >= 0 ? `?after=${after}` : ""}`);
  const tokens = (r: SseRecording) => r.events.filter((e) => e.type === "token");
  const text = (r: SseRecording) =>
    tokens(r)
      .map((e) => (JSON.parse(e.data) as { text: string }).text)
      .join("");
  const ended = (r: SseRecording) => r.events.some((e) => e.type === "end");
  try {
    llm.hold(3);
    const { runId } = await send();
    const first = await read(runId);
    await until(first, (r) => tokens(r).length >= 3);
    if (scenario === "the same message sent twice") {
      const again = await send();
      llm.release();
      await until(first, ended);
      return again.runId === runId && generations() === 1
        ? "✓ one generation, one run"
        : `✗ ${generations()}`;
    }
    if (scenario === "second tab opened mid-answer") {
      const second = await read(runId);
      llm.release();
      await Promise.all([until(first, ended), until(second, ended)]);
      return text(second) === reply && text(first) === reply ? "✓ the same answer, live" : "✗ differs";
    }
    first.abort();
    const kept = Number(tokens(first).at(-1)?.lastEventId);
    llm.release();
    await llm.idle();
    const rest = await read(runId, kept); // a reloaded page, from the offset it kept
    await until(rest, ended);
    const exact = text(first) + text(rest) === reply && generations() === 1;
    if (scenario === "every tab closed mid-answer") return exact ? "✓ generated to the end" : "✗ differs";
    return exact ? "✓ continues exactly" : "✗ differs";
  } finally {
    llm.release();
    await lesson.close();
  }
}

export async function runDurableMatrix(): Promise<DurableResult> {
  const result: DurableResult = new Map();
  for (const scenario of SCENARIOS) {
    const row = new Map<Design, string>();
    for (const transport of JOB_TRANSPORTS) row.set(transport.design, await jobColumn(transport, scenario));
    row.set("lesson 04: a stream per request", await requestBound(scenario));
    row.set("lesson 10: a durable run", await durableRun(scenario));
    result.set(scenario, row);
  }
  return result;
}
