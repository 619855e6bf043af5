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
    must(beforeTheFrame === 0, `readers heard ${beforeTheFrame} times before the frame: wait for it`);
    must(clock.pending() === 1, `${clock.pending()} frames were scheduled for 100 tokens: schedule one`);
    clock.frame();
    must(
      heard.length === 1 && heard[0] === "x".repeat(100),
      `after the frame, readers heard ${heard.length} times`,
    );
  },

  "flush() tells readers at once, and the frame it cancels does not tell them again": async (code) => {
    const { clock, text, heard } = await store(code);
    text.append("end");
    text.flush();
    clock.frame();
    must(heard.join("|") === "end", `readers heard: ${heard.join(" | ") || "nothing"}`);
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
