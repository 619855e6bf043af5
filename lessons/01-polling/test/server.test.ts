import { apiErrorOf, getJson, postJson } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompleteResponse, PollResponse } from "../src/protocol.ts";
import { pollUntilDone, startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>>;
beforeAll(async () => {
  lesson = await startLesson();
});
afterAll(() => lesson.close());

const PROMPT = "Why do LLM products stream?";

describe("GET /api/health", () => {
  it("answers 200 and names the lesson", async () => {
    expect(await getJson(`${lesson.url}/api/health`)).toEqual({ ok: true, lesson: "01-polling" });
  });
});

describe("POST /api/complete (blocking)", () => {
  it("answers once, with the whole reply, after generation has ended", async () => {
    const response = await postJson(`${lesson.url}/api/complete`, { prompt: PROMPT });
    const body = (await response.json()) as CompleteResponse;
    expect(body.text).toBe(lesson.llm.replyTokens(PROMPT).join(""));
    expect(body.tokenCount).toBe(lesson.llm.replyTokens(PROMPT).length);
  });
});

describe("short polling: POST /api/jobs, then GET /api/jobs/:id?cursor=N", () => {
  it("starts a job with 202 and its id", async () => {
    const response = await postJson(`${lesson.url}/api/jobs`, { prompt: PROMPT });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect(response.headers.get("location")).toBe(`/api/jobs/${id}`);
  });

  it("polling with the returned cursor reassembles the exact reply, every token once, in order", async () => {
    const id = await lesson.startJob(PROMPT);
    const { text, seqs } = await pollUntilDone(lesson.url, id, "short");
    expect(text).toBe(lesson.llm.replyTokens(PROMPT).join(""));
    expect(seqs).toEqual(seqs.map((_, i) => i));
  });

  it("answers a poll from an old cursor with everything after it (a client can catch up)", async () => {
    const id = await lesson.startJob("echo: a b c");
    let body: PollResponse;
    do body = await getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`);
    while (!body.done && body.cursor < 2);
    const again = await getJson<PollResponse>(`${lesson.url}/api/jobs/${id}?cursor=1`);
    expect(again.tokens[0]?.seq).toBe(1);
  });
});

describe("bad input gets a JSON error and the server stays up", () => {
  it.each([
    ["unknown job", "/api/jobs/no-such-job", 404, "job_not_found"],
    ["unknown job (long poll)", "/api/jobs/no-such-job/wait", 404, "job_not_found"],
  ])("%s → %i", async (_name, path, status, code) => {
    expect(await apiErrorOf(await fetch(`${lesson.url}${path}`))).toEqual({ status, code });
  });

  it.each(["abc", "-1", "1.5", "", "99999"])("cursor=%j → 400 invalid_cursor", async (cursor) => {
    const id = await lesson.startJob("echo: hi");
    for (const path of [`/api/jobs/${id}`, `/api/jobs/${id}/wait`]) {
      const response = await fetch(`${lesson.url}${path}?cursor=${cursor}`);
      expect(await apiErrorOf(response)).toEqual({ status: 400, code: "invalid_cursor" });
    }
  });

  it.each([
    ["missing prompt", {}, 400, "invalid_prompt"],
    ["empty prompt", { prompt: "" }, 400, "invalid_prompt"],
    ["prompt not a string", { prompt: ["a"] }, 400, "invalid_prompt"],
    ["body over the size limit", { prompt: "x".repeat(32_000) }, 413, "body_too_large"],
  ])("POST with %s → %i", async (_name, body, status, code) => {
    for (const path of ["/api/complete", "/api/jobs"]) {
      expect(await apiErrorOf(await postJson(`${lesson.url}${path}`, body))).toEqual({ status, code });
    }
  });

  it("POST with a body that is not JSON → 400 invalid_json", async () => {
    const response = await fetch(`${lesson.url}/api/jobs`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{prompt: hi}",
    });
    expect(await apiErrorOf(response)).toEqual({ status: 400, code: "invalid_json" });
  });

  it("is still healthy afterwards", async () => {
    expect((await fetch(`${lesson.url}/api/health`)).status).toBe(200);
  });
});
