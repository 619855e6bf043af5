import { createServer } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { connectSse, deferred, startFaultProxy, startServer } from "../src/index.ts";

async function streamingServer(events: string[]) {
  return startServer(
    createServer((req, res) => {
      if (req.url === "/json") return void res.end(JSON.stringify({ 你好: "世界" }));
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      let i = 0;
      const next = () => {
        if (i === events.length) return void res.end();
        res.write(`data: ${events[i++]}\n\n`);
        setTimeout(next, 5);
      };
      next();
    }),
  );
}

describe("the fault-injecting proxy", () => {
  it("is transparent by default, and counts the bytes and connections it forwards", async () => {
    const server = await streamingServer(["a", "b"]);
    const proxy = await startFaultProxy(server.port);
    const stream = await connectSse(proxy.url);
    await stream.ended;
    expect(stream.events.map((e) => e.data)).toEqual(["a", "b"]);
    expect(proxy.bytes.down).toBeGreaterThan(stream.bytes); // the headers count too
    expect(proxy.connections).toBe(1);
    await proxy.close();
    await server.close();
  });

  it("fragments what the server sends into 1-byte pieces, splitting UTF-8 characters", async () => {
    const server = await streamingServer(["你好", "世界"]);
    const proxy = await startFaultProxy(server.port);
    proxy.fragment(1);
    const response = await fetch(proxy.url);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const sizes: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) sizes.push(r.value.length);
    expect(Math.max(...sizes)).toBe(1);
    await proxy.close();
    await server.close();
  });

  it("delivers every queued fragment before passing on a server's close (Connection: close)", async () => {
    // The server writes the whole answer and closes at once; the proxy still has
    // thousands of 1-byte pieces queued. A network delivers them before the FIN.
    const body = "流式输出".repeat(2000); // 24,000 bytes
    const server = await startServer(
      createServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
        res.end(body);
      }),
    );
    const proxy = await startFaultProxy(server.port);
    proxy.fragment(1);
    const response = await fetch(proxy.url);
    expect(await response.text()).toBe(body);
    await proxy.close();
    await server.close();
  });

  it("cuts every open connection", async () => {
    const server = await streamingServer(Array.from({ length: 1000 }, (_, i) => String(i)));
    const proxy = await startFaultProxy(server.port);
    const stream = await connectSse(proxy.url);
    await stream.waitFor((r) => r.events.length >= 3);
    proxy.cutAll();
    await stream.ended;
    expect(stream.events.length).toBeLessThan(1000);
    await proxy.close();
    await server.close();
  });

  it("buffers a whole response when told to: nothing arrives before the end", async () => {
    const server = await streamingServer(["1", "2", "3"]);
    const proxy = await startFaultProxy(server.port);
    proxy.bufferResponses(true);
    const stream = await connectSse(proxy.url);
    const arrivals: number[] = [];
    await stream.waitFor((r) => {
      arrivals.push(r.events.length);
      return r.events.length === 3;
    });
    expect(arrivals.find((n) => n > 0)).toBe(3); // all three events in the first delivery
    await proxy.close();
    await server.close();
  });

  it("answers new connections with a canned response instead of forwarding", async () => {
    const server = await streamingServer([]);
    const proxy = await startFaultProxy(server.port);
    proxy.answerNew("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    expect((await fetch(proxy.url)).status).toBe(500);
    proxy.reset();
    expect((await fetch(`${proxy.url}/json`)).status).toBe(200);
    await proxy.close();
    await server.close();
  });

  it("a canned answer for a while starts counting at the first connection it answers, not when it is set", async () => {
    const server = await streamingServer([]);
    const proxy = await startFaultProxy(server.port);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }); // sockets stay real
    try {
      proxy.answerNew(
        "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        300,
      );
      vi.advanceTimersByTime(1000); // a client that takes its time to reconnect…
      expect((await fetch(proxy.url)).status).toBe(500); // …still meets the fault
      vi.advanceTimersByTime(299);
      expect((await fetch(proxy.url)).status).toBe(500);
      vi.advanceTimersByTime(1);
      expect((await fetch(`${proxy.url}/json`)).status).toBe(200); // and after 300 ms, the server is back
    } finally {
      vi.useRealTimers();
      await proxy.close();
      await server.close();
    }
  });

  it("stalls without closing: no bytes, no FIN, until released", async () => {
    const arrived = deferred<import("node:http").ServerResponse>();
    const server = await startServer(createServer((_req, res) => arrived.resolve(res)));
    const proxy = await startFaultProxy(server.port);
    let answered = false;
    const request = fetch(proxy.url).then((response) => {
      answered = true;
      return response;
    });
    const res = await arrived.promise; // the request got through; now the network goes quiet
    proxy.stall(true);
    const bytesBefore = proxy.bytes.down;
    const written = deferred();
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.write("data: a\n\n", () => written.resolve());
    await written.promise; // the server has sent its bytes...
    expect(proxy.bytes.down).toBe(bytesBefore); // ...and none got through
    expect(answered).toBe(false);
    proxy.stall(false);
    expect((await request).status).toBe(200);
    res.end();
    await proxy.close();
    await server.close();
  });
});

describe("freezing the open connections", () => {
  it("silences the connections open now, while a new connection works", async () => {
    const server = await streamingServer(Array.from({ length: 100 }, (_, i) => String(i)));
    const proxy = await startFaultProxy(server.port);
    const old = await connectSse(proxy.url);
    await old.waitFor((r) => r.events.length >= 2);
    proxy.freezeOpen();
    const seenAtFreeze = old.events.length;
    const fresh = await connectSse(proxy.url);
    await fresh.ended; // the new connection gets the whole stream...
    expect(fresh.events).toHaveLength(100);
    expect(old.events.length).toBeLessThanOrEqual(seenAtFreeze + 1); // ...the old one hears nothing more
    old.abort();
    await proxy.close();
    await server.close();
  });
});
