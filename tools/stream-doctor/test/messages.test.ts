// The report's catalogue: every line in English and Chinese, with the same placeholders.
import { describe, expect, it } from "vitest";
import { formatMs } from "../src/check.ts";
import { catalogueProblems, MESSAGES } from "../src/messages.ts";
import { render } from "../src/report.ts";

describe("the message catalogue", () => {
  it("has every message in both languages, with the same {placeholders}", () => {
    expect(catalogueProblems(MESSAGES)).toEqual([]);
  });

  it("fails a message missing from one language, or one whose placeholders differ", () => {
    const broken = {
      en: { ...MESSAGES.en, "only.english": "hello {name}" },
      zh: { ...MESSAGES.zh, "hint.ping": "第 03 课：{oops}" },
    };
    expect(catalogueProblems(broken)).toEqual([
      "hint.ping: placeholders {} in English, {oops} in Chinese",
      "only.english: no Chinese",
    ]);
  });

  it("renders nested messages in the same language, and refuses a missing parameter", () => {
    const events = { key: "unit.events", params: { count: 6 } } as const;
    expect(render({ key: "delivery.too-few", params: { units: events } }, "en")).toBe(
      "only 6 events: too few to tell streaming from buffering",
    );
    expect(render({ key: "delivery.too-few", params: { units: events } }, "zh")).toBe(
      "只有 6 个事件：太少，分不出是流式还是被缓冲",
    );
    expect(() => render({ key: "delivery.too-few" }, "en")).toThrow(/needs \{units\}/);
  });

  it("writes durations the way idle timeouts are quoted", () => {
    expect([320, 1500, 60_000, 100_000, 150_000].map(formatMs)).toEqual([
      "320 ms",
      "1.5 s",
      "60 s",
      "100 s",
      "2 m 30 s",
    ]);
  });
});
