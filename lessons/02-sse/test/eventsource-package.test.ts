// An independent client: the `eventsource` npm package, a WHATWG-conformant
// EventSource for Node, must read this server's streams and resume after a
// dropped connection exactly as a browser would.
import type { Token } from "@workshop/protocol";
import { postJson } from "@workshop/testkit";
import { EventSource } from "eventsource";
import { afterEach, describe, expect, it } from "vitest";
import { STEADY, startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

/** Follows a job with EventSource until `done`, calling `onToken` for each token. */
function follow(url: string, onToken: (token: Token, source: EventSource) => void) {
  const tokens: Token[] = [];
  let opens = 0;
  const source = new EventSource(url);
  const finished = new Promise<void>((resolve, reject) => {
    source.addEventListener("open", () => opens++);
    source.addEventListener("token", (event) => {
      const token = JSON.parse(event.data) as Token;
      tokens.push(token);
      onToken(token, source);
    });
    source.addEventListener("done", () => {
      source.close(); // the fix for the reconnect trap: the client ends it
      resolve();
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) reject(new Error("EventSource gave up"));
    });
  });
  return { tokens, finished, opens: () => opens };
}

describe("the eventsource npm package against this server", () => {
  it("receives the whole reply, every token once", async () => {
    lesson = await startLesson();
    const prompt = "为什么要用流式输出？";
    const id = await lesson.startJob(prompt);
    const run = follow(`${lesson.url}/api/jobs/${id}/events`, () => {});
    await run.finished;
    expect(run.tokens.map((t) => t.text).join("")).toBe(lesson.llm.replyTokens(prompt).join(""));
  });

  it("reconnects by itself after the connection is dropped, sends Last-Event-ID, and resumes exactly", async () => {
    lesson = await startLesson({ timing: STEADY, retryMs: 20 });
    const prompt = "Why do LLM products stream?";
    const id = await lesson.startJob(prompt);
    const url = lesson.url;
    let dropped = false;
    const run = follow(`${url}/api/jobs/${id}/events`, (token) => {
      if (token.seq === 10 && !dropped) {
        dropped = true;
        // cut every open stream, like a flaky network
        void postJson(`${url}/api/debug/drop`, {}, { headers: { "X-Workshop-Debug": "1" } });
      }
    });
    await run.finished;

    expect(dropped).toBe(true);
    expect(run.opens()).toBeGreaterThanOrEqual(2); // it came back by itself
    expect(run.tokens.map((t) => t.seq)).toEqual(run.tokens.map((_, i) => i));
    expect(run.tokens.map((t) => t.text).join("")).toBe(lesson.llm.replyTokens(prompt).join(""));
  });

  it("stops for good on a 404, without retrying", async () => {
    lesson = await startLesson();
    const source = new EventSource(`${lesson.url}/api/jobs/nope/events`);
    await new Promise<void>((resolve) => source.addEventListener("error", () => resolve()));
    expect(source.readyState).toBe(EventSource.CLOSED);
  });
});
