import { createServer } from "node:http";
import { connect } from "node:net";
import { deferred, startServer } from "@workshop/testkit";
import express from "express";
import { describe, expect, it } from "vitest";
import { type EventStream, openEventStream } from "../src/server/event-stream.ts";

/** Resolves with true if `promise` settles within one event-loop turn. */
const settlesNow = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setImmediate(resolve, false))]);

describe("openEventStream's send() respects backpressure", () => {
  it("waits for 'drain' while the client is not reading, instead of buffering without limit", async () => {
    const opened = deferred<EventStream>();
    const app = express().get("/stream", (_req, res) =>
      opened.resolve(openEventStream(res, { heartbeatMs: 0 })),
    );
    const running = await startServer(createServer(app));
    const client = connect(running.port, "127.0.0.1");
    client.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
    client.pause(); // a reader that has stopped reading
    const stream = await opened.promise;

    const big = `data: ${"x".repeat(64 * 1024)}\n\n`;
    let blocked: Promise<boolean> | undefined;
    for (let i = 0; i < 1000 && !blocked; i++) {
      const sending = stream.send(big); // resolves at once while the socket takes data...
      if (!(await settlesNow(sending))) blocked = sending; // ...and stays pending once it is full
    }
    expect(blocked).toBeDefined(); // bounded: at most 1000 × 64 KiB before the buffer filled

    client.resume(); // the reader catches up: 'drain' fires and send() completes
    expect(await blocked).toBe(true);
    client.destroy();
    await running.close();
  });
});
