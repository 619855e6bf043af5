// Test helper: lesson 01's server on 127.0.0.1:0 with a mock LLM the test controls.
import { createMockLlm, type MockLlmOptions } from "@workshop/mock-llm";
import { getJson, startLesson as startLessonServer } from "@workshop/testkit";
import type { PollResponse } from "../src/protocol.ts";
import { createServer, type PollingServerOptions } from "../src/server/app.ts";

export function startLesson(options: PollingServerOptions & { timing?: MockLlmOptions["timing"] } = {}) {
  const llm = createMockLlm({ timing: options.timing ?? "instant" });
  return startLessonServer(createServer({ llm, ...options }));
}

/** Polls a job (short or long) with the cursor each answer gives, until done. */
export async function pollUntilDone(url: string, id: string, mode: "short" | "long") {
  const path = mode === "long" ? `/api/jobs/${id}/wait` : `/api/jobs/${id}`;
  const seqs: number[] = [];
  let text = "";
  let cursor = 0;
  let polls = 0;
  for (;;) {
    const body = await getJson<PollResponse>(`${url}${path}?cursor=${cursor}`);
    polls++;
    for (const token of body.tokens) {
      seqs.push(token.seq);
      text += token.text;
    }
    cursor = body.cursor;
    if (body.done) return { text, seqs, polls, cursor };
  }
}
