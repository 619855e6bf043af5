import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { typeOut, typeOutLeaky } from "../src/client/typewriter.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe("the fake typewriter (障眼法)", () => {
  it("reveals text that has already fully arrived, a few characters per tick", () => {
    const frames: string[] = [];
    typeOut("Hello!", (visible) => frames.push(visible), 2, 30);
    vi.advanceTimersByTime(90);
    expect(frames).toEqual(["He", "Hell", "Hello!"]);
  });

  it("clears its interval when the text is complete", () => {
    typeOut("Hello!", () => {}, 2, 30);
    vi.advanceTimersByTime(1000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never shows half an emoji, because it counts code points", () => {
    const frames: string[] = [];
    typeOut("a🌏b", (visible) => frames.push(visible), 2, 30);
    vi.advanceTimersByTime(60);
    expect(frames).toEqual(["a🌏", "a🌏b"]);
  });

  it("never splits an emoji made of several code points: a family, a flag", () => {
    const frames: string[] = [];
    typeOut("a👨‍👩‍👧🇨🇳b", (visible) => frames.push(visible), 1, 30);
    vi.advanceTimersByTime(120);
    expect(frames).toEqual(["a", "a👨‍👩‍👧", "a👨‍👩‍👧🇨🇳", "a👨‍👩‍👧🇨🇳b"]);
  });

  it("the trap: the tutorial version's interval runs forever, and slices an emoji in half", () => {
    const frames: string[] = [];
    typeOutLeaky("a🌏b", (visible) => frames.push(visible), 2, 30);
    vi.advanceTimersByTime(1000);
    expect(vi.getTimerCount()).toBe(1); // still ticking, long after the text ended
    expect(frames[0]).toBe("a\ud83c"); // a lone surrogate: renders as �
  });
});
