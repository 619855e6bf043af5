import { expect, it } from "vitest";
import { withEventSourceGlobal } from "../src/event-source-global.ts";

class FakeSource {
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
}

it("a check's EventSource is closed when the check ends, even one the code under check left open, and Node's global is restored", async () => {
  const before = Object.getOwnPropertyDescriptor(globalThis, "EventSource");
  let leftOpen: FakeSource | undefined;
  await expect(
    withEventSourceGlobal(FakeSource, async () => {
      const Global = (globalThis as unknown as { EventSource: new (url: string) => FakeSource }).EventSource;
      leftOpen = new Global("http://127.0.0.1:1/never");
      expect(leftOpen).toBeInstanceOf(FakeSource);
      throw new Error("the check failed"); // a stub's failure: the cleanup must run anyway
    }),
  ).rejects.toThrow("the check failed");
  expect(leftOpen?.closed).toBe(true);
  expect(Object.getOwnPropertyDescriptor(globalThis, "EventSource")).toEqual(before);
});
