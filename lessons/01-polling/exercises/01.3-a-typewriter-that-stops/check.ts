import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import { vi } from "vitest";
import type * as Typewriter from "../../src/client/typewriter.ts";

const TEXT = "家 👨‍👩‍👧 and 🇨🇳, typed out.";
const graphemes = Array.from(
  new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(TEXT),
  (s) => s.segment,
);

async function typing(code: LessonCode, run: (shown: string[], stop: () => void) => Promise<void>) {
  const { typeOut } = await code.load<typeof Typewriter>("src/client/typewriter.ts");
  vi.useFakeTimers();
  try {
    const shown: string[] = [];
    const stop = typeOut(TEXT, (visible) => shown.push(visible), 2, 30);
    try {
      await run(shown, stop);
    } finally {
      stop();
    }
  } finally {
    vi.useRealTimers();
  }
}

export default defineChecks({
  "reveals the text a few characters per tick, ending with all of it": (code) =>
    typing(code, async (shown) => {
      const beforeFirstTick = shown.length;
      must(beforeFirstTick === 0, "something was shown before the first tick: reveal on the interval");
      await vi.advanceTimersByTimeAsync(30);
      must(
        shown.length === 1 && shown[0] === graphemes.slice(0, 2).join(""),
        `after one tick of 2 characters the page shows "${shown[0] ?? "(nothing)"}", not "${graphemes.slice(0, 2).join("")}"`,
      );
      await vi.advanceTimersByTimeAsync(30 * graphemes.length);
      must(
        shown.at(-1) === TEXT,
        `once every tick has run, the page shows "${shown.at(-1) ?? "(nothing)"}", not the whole text "${TEXT}"`,
      );
    }),

  "never shows half an emoji: each step is whole characters": (code) =>
    typing(code, async (shown) => {
      await vi.advanceTimersByTimeAsync(30 * graphemes.length);
      const broken = shown.find(
        (visible, i) => visible !== graphemes.slice(0, Math.min(graphemes.length, (i + 1) * 2)).join(""),
      );
      must(
        broken === undefined,
        `the page showed "${broken}": split by grapheme (Intl.Segmenter), not by UTF-16 unit (slice)`,
      );
    }),

  "clears its interval once everything is shown": (code) =>
    typing(code, async (shown) => {
      await vi.advanceTimersByTimeAsync(30 * graphemes.length);
      const calls = shown.length;
      must(
        vi.getTimerCount() === 0,
        "the interval still runs after the whole text is shown: clearInterval when done",
      );
      await vi.advanceTimersByTimeAsync(300);
      must(shown.length === calls, "show() is still being called after the text is complete");
    }),

  "the returned stop() clears it early": (code) =>
    typing(code, async (shown, stop) => {
      await vi.advanceTimersByTimeAsync(30);
      stop();
      must(vi.getTimerCount() === 0, "stop() left the interval running");
      must(shown.length <= 1, "show() was called after stop()");
    }),
});
