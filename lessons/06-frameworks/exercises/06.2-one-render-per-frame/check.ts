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

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "100 tokens in one frame: readers hear once, with all of them":
    "一帧里来了 100 个 token：读者只收到一次通知，带着全部 token",
  "flush() tells readers at once, and the frame it cancels does not tell them again":
    "flush() 立即通知读者，被它取消的那一帧不会再通知一次",
  "reset() still starts a new answer and tells readers at once": "reset() 仍然开始一个新回答，并立即通知读者",
};

export default defineChecks({
  "100 tokens in one frame: readers hear once, with all of them": async (code) => {
    const { clock, text, heard } = await store(code);
    for (let i = 0; i < 100; i++) text.append("x");
    const beforeTheFrame = heard.length;
    must(beforeTheFrame === 0, {
      en: `readers heard ${beforeTheFrame} times before the frame came: a token must not tell them, the frame does (once)`,
      zh: `帧还没到，读者就被通知了 ${beforeTheFrame} 次：不能由 token 通知读者，要由那一帧来通知（一次）`,
    });
    must(clock.pending() === 1, {
      en: `${clock.pending()} frames were scheduled for 100 tokens: schedule one, and only when none is pending already`,
      zh: `100 个 token 安排了 ${clock.pending()} 帧：只安排一帧，而且只在还没有待发的帧时才安排`,
    });
    clock.frame();
    must(heard.length === 1 && heard[0] === "x".repeat(100), {
      en: `after the frame, readers heard ${heard.length} times${heard.length ? ` (the last time, ${heard.at(-1)?.length} characters)` : ""}: expected once, with all 100 tokens`,
      zh: `那一帧之后，读者被通知了 ${heard.length} 次${heard.length ? `（最后一次是 ${heard.at(-1)?.length} 个字符）` : ""}：应该只通知一次，带着全部 100 个 token`,
    });
  },

  "flush() tells readers at once, and the frame it cancels does not tell them again": async (code) => {
    const { clock, text, heard } = await store(code);
    text.append("end");
    text.flush();
    clock.frame();
    must(heard.join("|") === "end", {
      en: `after append("end"), flush() and then the frame, readers heard: ${heard.map((h) => `"${h}"`).join(", ") || "nothing"}. Expected "end" once: flush tells them at once, and the frame scheduled for that token must be cancelled, or it tells them again`,
      zh: `依次 append("end")、flush()、再到那一帧之后，读者收到的是：${heard.map((h) => `"${h}"`).join(", ") || "（什么也没有）"}。应该只收到一次 "end"：flush 立即通知读者，为这个 token 安排的那一帧必须取消，否则它会再通知一次`,
    });
  },

  "reset() still starts a new answer and tells readers at once": async (code) => {
    const { text, heard } = await store(code);
    text.append("old");
    text.reset();
    must(text.getSnapshot() === "" && heard.at(-1) === "", {
      en: "after reset(), the text should be empty, and readers told",
      zh: "reset() 之后，文本应该为空，并且已经通知了读者",
    });
  },
});
