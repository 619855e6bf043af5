// HTTP/2 through nginx over TLS: many streams on one connection, tokens still
// one by one, and HTTP/1.1's connection headers gone (RFC 9113 §8.2.2 forbids them).
import { connect } from "node:http2";
import { createSseParser, type SseEvent } from "@workshop/protocol";
import { postJson } from "@workshop/testkit";
import { expect, it } from "vitest";
import { describeWithProxies } from "./with-proxies.ts";

describeWithProxies("HTTP/2 between nginx and the browser", (_proxies, path) => {
  it("carries seven event streams on ONE connection, each token by token, without Connection: keep-alive", async () => {
    const session = connect(path("http2").url, { rejectUnauthorized: false }); // the certificate is self-signed
    try {
      const { id } = (await (
        await postJson(`${path("direct").url}/api/jobs`, {
          prompt: "echo: one two three four five six seven eight",
        })
      ).json()) as {
        id: string;
      };
      const streams = Array.from({ length: 7 }, () => {
        const request = session.request({ ":path": `/api/jobs/${id}/events`, accept: "text/event-stream" });
        const events: SseEvent[] = [];
        const parser = createSseParser({ onEvent: (event) => events.push(event) });
        let reads = 0; // DATA frames that carried a token
        request.setEncoding("utf8");
        request.on("data", (chunk: string) => {
          if (chunk.includes("event: token")) reads++;
          parser.feed(chunk);
        });
        const headers = new Promise<Record<string, unknown>>((resolve) => request.once("response", resolve));
        const ended = new Promise<void>((resolve) => request.once("end", resolve));
        return { headers, ended, events, reads: () => reads };
      });
      const headers = await Promise.all(streams.map((s) => s.headers));
      expect(headers.every((h) => h[":status"] === 200)).toBe(true);
      expect(headers[0]?.connection).toBeUndefined(); // nginx drops it: forbidden in HTTP/2
      expect(headers[0]?.["x-accel-buffering"]).toBeUndefined();
      await Promise.all(streams.map((s) => s.ended));
      for (const stream of streams) {
        expect(stream.events.at(-1)?.type).toBe("done");
        const tokens = stream.events.filter((e) => e.type === "token").length;
        expect(stream.reads(), `${tokens} tokens`).toBeGreaterThan(tokens / 2); // not one lump
      }
      // Seven concurrent streams, one TCP connection: no six-per-origin limit here.
      expect(session.socket.remoteAddress).toBe("127.0.0.1");
    } finally {
      session.close();
    }
  });
});
