// The heartbeat check on timelines written out by hand: which silence the doctor reports
// must not depend on which of two long ones lasted a few milliseconds longer.
import { expect, it } from "vitest";
import { heartbeatCheck, type Timeline } from "../src/checks.ts";
import { render } from "../src/report.ts";

const LIMIT_MS = 500;
const summaryOf = (timeline: Timeline) => render(heartbeatCheck(timeline, 3000, LIMIT_MS).summary, "en");
const cutAt = (at: number) => ({ reason: "cut", at, detail: "other side closed" });

it("a stream silent past the limit, then cut, is reported by the silence that ended it, even after a longer one", () => {
  // What a proxy with a 1 s read timeout does to an origin that speaks once, a second in.
  for (const firstGap of [900, 1000, 1100]) {
    const timeline = { start: 0, arrivals: [firstGap], end: cutAt(firstGap + 1000) };
    expect(summaryOf(timeline)).toMatch(/^silent for 1\.0 s, then cut/);
  }
});

it("a long silence mid-stream is the finding when the stream then spoke until it ended", () => {
  const timeline = { start: 0, arrivals: [100, 1300, 1400, 1500], end: cutAt(1700) };
  expect(summaryOf(timeline)).toMatch(/^a silence of 1\.2 s mid-stream/);
});
