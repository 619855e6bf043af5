import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as Store from "../../src/stream/frame-batched-text.ts";
import { frameClock } from "../../test/frame-clock.ts";

async function store(code: LessonCode) {
  const { createFrameBatchedText } = await code.load<typeof Store>("src/stream/frame-batched-text.ts");
  const clock = frameClock();
  const text = createFrameBatchedText(clock.schedule, clock.cancel);
  const heard: string[] = [];
  text.subscribe(() => heard.push(text.getSnapshot()));
  return { clock, text, heard };
}

export default defineChecks({
  "100 tokens in one frame: readers hear once, with all of them": async (code) => {
    const { clock, text, heard } = await store(code);
    for (let i = 0; i < 100; i++) text.append("x");
    const beforeTheFrame = heard.length;
    must(
      beforeTheFrame === 0,
      `readers heard ${beforeTheFrame} times before the frame came: a token must not tell them, the frame does (once)`,
    );
    must(
      clock.pending() === 1,
      `${clock.pending()} frames were scheduled for 100 tokens: schedule one, and only when none is pending already`,
    );
    clock.frame();
    must(
      heard.length === 1 && heard[0] === "x".repeat(100),
      `after the frame, readers heard ${heard.length} times${heard.length ? ` (the last time, ${heard.at(-1)?.length} characters)` : ""}: expected once, with all 100 tokens`,
    );
  },

  "flush() tells readers at once, and the frame it cancels does not tell them again": async (code) => {
    const { clock, text, heard } = await store(code);
    text.append("end");
    text.flush();
    clock.frame();
    must(
      heard.join("|") === "end",
      `after append("end"), flush() and then the frame, readers heard: ${heard.map((h) => `"${h}"`).join(", ") || "nothing"}. Expected "end" once: flush tells them at once, and the frame scheduled for that token must be cancelled, or it tells them again`,
    );
  },

  "reset() starts a new answer and tells readers at once": async (code) => {
    const { text, heard } = await store(code);
    text.append("old");
    text.reset();
    must(
      text.getSnapshot() === "" && heard.at(-1) === "",
      "after reset(), the text should be empty, and readers told",
    );
  },
});
