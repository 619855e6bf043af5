// The broadcaster's bookkeeping, with a response that pushes back the way a slow
// client's socket does: write() returns false until "drain".
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createBroadcaster } from "../src/server/broadcaster.ts";

/** A response whose socket is full after its first write, until the test drains it. */
function slowResponse() {
  const written: string[] = [];
  let full = false;
  const res = Object.assign(new EventEmitter(), {
    write(text: string) {
      written.push(text);
      const accepted = !full;
      full = true;
      return accepted;
    },
    destroy() {},
  });
  const drain = () => {
    full = false;
    res.emit("drain");
  };
  return { res: res as unknown as ServerResponse, written, drain };
}

describe("the broadcaster", () => {
  it("counts each message once in writes, also one that waited in a slow client's queue", () => {
    const broadcaster = createBroadcaster();
    const slow = slowResponse();
    broadcaster.add(slow.res);
    for (const text of ["a", "b", "c", "d"]) broadcaster.send(text); // "a" fills it; b, c, d queue
    expect(slow.written).toEqual(["a", "b"]); // "a" accepted, then "b" written before the pushback was seen
    slow.drain(); // the queue is delivered
    expect(slow.written).toEqual(["a", "b", "c", "d"]); // in order, each once
    expect(broadcaster.writes).toBe(4);
  });
});
