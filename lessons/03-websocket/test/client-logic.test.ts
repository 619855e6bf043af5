import { describe, expect, it } from "vitest";
import { createOutbox } from "../src/client/outbox.ts";
import { newReply, resumeMessage, track } from "../src/client/reply-tracker.ts";

describe("tracking the reply in flight", () => {
  it("asks to resume after the last token shown", () => {
    const reply = newReply();
    track(reply, { type: "started", jobId: "j1" });
    track(reply, { type: "token", jobId: "j1", seq: 0, text: "Hel" });
    track(reply, { type: "token", jobId: "j1", seq: 1, text: "lo" });
    expect(resumeMessage(reply)).toEqual({ type: "resume", jobId: "j1", afterSeq: 1 });
  });

  it("ignores a token it already has, and counts a gap", () => {
    const reply = newReply();
    track(reply, { type: "started", jobId: "j1" });
    track(reply, { type: "token", jobId: "j1", seq: 0, text: "a" });
    track(reply, { type: "token", jobId: "j1", seq: 0, text: "a" });
    track(reply, { type: "token", jobId: "j1", seq: 2, text: "c" });
    expect(reply).toMatchObject({ text: "ac", duplicates: 1, gaps: 1 });
  });

  it("has nothing to resume once done", () => {
    const reply = newReply();
    track(reply, { type: "started", jobId: "j1" });
    track(reply, { type: "done", jobId: "j1" });
    expect(resumeMessage(reply)).toBeUndefined();
  });
});

describe("chat typed while disconnected", () => {
  it("is queued up to a limit, then refused", () => {
    const outbox = createOutbox(2);
    expect([outbox.push("a"), outbox.push("b"), outbox.push("c")]).toEqual([true, true, false]);
  });

  it("goes out in order once the socket accepts again, and stays queued while it does not", () => {
    const outbox = createOutbox(5);
    outbox.push("first");
    outbox.push("second");
    outbox.flush(() => false);
    expect(outbox.size).toBe(2);
    const sent: string[] = [];
    outbox.flush((text) => sent.push(text) > 0);
    expect(sent).toEqual(["first", "second"]);
    expect(outbox.size).toBe(0);
  });
});
