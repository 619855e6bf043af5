import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import { vi } from "vitest";
import type * as Typewriter from "../../src/client/typewriter.ts";

const TEXT = "家 👨‍👩‍👧 and 🇨🇳, typed out.";
const graphemes = Array.from(
  new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(TEXT),
  (s) => s.segment,
);

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "reveals the text a few characters per tick, ending with all of it":
    "定时器每触发一次多显示几个字符，最后显示全文",
  "never shows half an emoji: each step is whole characters": "从不显示半个 emoji：每一步都是完整的字符",
  "clears its interval once everything is shown": "全部显示完后清掉自己的定时器",
  "the returned stop() clears it early": "返回的 stop() 能提前清掉定时器",
};

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
      must(beforeFirstTick === 0, {
        en: "something was shown before the first tick: reveal on the interval",
        zh: "定时器第一次触发之前就显示了内容：要等定时器触发时再显示",
      });
      await vi.advanceTimersByTimeAsync(30);
      must(shown.length === 1 && shown[0] === graphemes.slice(0, 2).join(""), {
        en: `after one tick of 2 characters the page shows "${shown[0] ?? "(nothing)"}", not "${graphemes.slice(0, 2).join("")}"`,
        zh: `定时器触发一次（每次 2 个字符）后，页面显示的是 "${shown[0] ?? "（什么都没有）"}"，不是 "${graphemes.slice(0, 2).join("")}"`,
      });
      await vi.advanceTimersByTimeAsync(30 * graphemes.length);
      must(shown.at(-1) === TEXT, {
        en: `once every tick has run, the page shows "${shown.at(-1) ?? "(nothing)"}", not the whole text "${TEXT}"`,
        zh: `定时器全部触发完之后，页面显示的是 "${shown.at(-1) ?? "（什么都没有）"}"，不是全文 "${TEXT}"`,
      });
    }),

  "never shows half an emoji: each step is whole characters": (code) =>
    typing(code, async (shown) => {
      await vi.advanceTimersByTimeAsync(30 * graphemes.length);
      const broken = shown.find(
        (visible, i) => visible !== graphemes.slice(0, Math.min(graphemes.length, (i + 1) * 2)).join(""),
      );
      must(broken === undefined, {
        en: `the page showed "${broken}": split by grapheme (Intl.Segmenter), not by UTF-16 unit (slice)`,
        zh: `页面显示过 "${broken}"：要按字素切分（Intl.Segmenter），不要按 UTF-16 码元切分（slice）`,
      });
    }),

  "clears its interval once everything is shown": (code) =>
    typing(code, async (shown) => {
      await vi.advanceTimersByTimeAsync(30 * graphemes.length);
      const calls = shown.length;
      must(shown.length > 1 && shown.at(-1) === TEXT, {
        en: "the text was not typed out over ticks to its end, so there is no interval to clear at the end yet",
        zh: "文本没有随着定时器一步步显示到结尾，所以还谈不上在结尾清掉定时器",
      });
      must(vi.getTimerCount() === 0, {
        en: "the interval still runs after the whole text is shown: clearInterval when done",
        zh: "全文都显示完了，定时器还在跑：显示完就 clearInterval",
      });
      await vi.advanceTimersByTimeAsync(300);
      must(shown.length === calls, {
        en: "show() is still being called after the text is complete",
        zh: "文本已经完整显示，show() 还在被调用",
      });
    }),

  "the returned stop() clears it early": (code) =>
    typing(code, async (shown, stop) => {
      await vi.advanceTimersByTimeAsync(30);
      must(vi.getTimerCount() > 0, {
        en: "30 ms (one tick) in, nothing is ticking, so there is nothing for stop() to clear: typeOut starts an interval",
        zh: "过了一个 tick 的时间（30 ms），却没有任何定时器在跑，stop() 也就无可清除：typeOut 要启动一个定时器",
      });
      stop();
      must(vi.getTimerCount() === 0, {
        en: "stop() left the interval running",
        zh: "stop() 之后定时器还在跑",
      });
      must(shown.length <= 1, { en: "show() was called after stop()", zh: "stop() 之后 show() 还被调用了" });
    }),
});
