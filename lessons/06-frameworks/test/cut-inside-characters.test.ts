// The "Cut inside characters" switch, over a real socket: with its cookie, the server sends
// every write that holds a character of several bytes in two network reads, cut inside it, and nothing else changes.
import { readSseEvents } from "@workshop/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { CUT_COOKIE } from "../src/stream/page-switches.ts";
import { FAST, startLesson } from "./start.ts";

const QUESTION = "为什么要流式输出？";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

/** The network reads of one chat answer, as the page's reader gets them. */
async function readsOf(url: string, body: unknown, cookie?: string) {
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const reads: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) reads.push(read.value);
  return { status: response.status, reads };
}

/** The answer's text, read with the shared parser (it decodes with { stream: true }). */
async function answerIn(reads: Uint8Array[]) {
  let text = "";
  for await (const event of readSseEvents(
    new Response(Buffer.concat(reads)).body as ReadableStream<Uint8Array>,
  )) {
    if (event.data === "[DONE]") break;
    text += JSON.parse(event.data).choices[0]?.delta.content ?? "";
  }
  return text;
}

/** A read that ends (or starts) inside a character does not decode on its own. */
const cutInside = (read: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(read);
    return false;
  } catch {
    return true;
  }
};

describe("the Cut inside characters switch", () => {
  it("with its cookie, reads end inside characters, and the answer read with { stream: true } is the whole reply", async () => {
    lesson = await startLesson({ timing: FAST });
    const { status, reads } = await readsOf(
      lesson.url,
      { messages: [{ role: "user", content: QUESTION }] },
      `theme=dark; ${CUT_COOKIE}=1`,
    );
    expect(status).toBe(200);
    expect(reads.filter(cutInside).length, "reads that end inside a character").toBeGreaterThan(10);
    expect(await answerIn(reads)).toBe(lesson.llm.replyTokens(QUESTION).join(""));
  });

  it("without the cookie, no read is cut inside a character", async () => {
    lesson = await startLesson({ timing: FAST });
    const { reads } = await readsOf(lesson.url, { messages: [{ role: "user", content: QUESTION }] });
    expect(reads.filter(cutInside)).toEqual([]);
  });

  it("a refused request's JSON error comes through whole", async () => {
    lesson = await startLesson();
    const { status, reads } = await readsOf(lesson.url, { messages: [] }, `${CUT_COOKIE}=1`);
    expect(status).toBe(400);
    expect(JSON.parse(Buffer.concat(reads).toString())).toMatchObject({
      error: { code: expect.any(String) },
    });
  });
});
