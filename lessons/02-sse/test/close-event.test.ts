// Which 'close' means "the client left"? Since Node 16 the request's 'close'
// fires once its body has been read. For a POST whose JSON body express.json()
// has parsed, that is immediately, while the stream is still open: cleanup
// hung on req.on("close") runs far too early. (For a GET, Express leaves the
// empty body unread, so it happens to work; lesson 04's chat is a POST.)
// Only the response's 'close' tracks the connection.
import { createServer } from "node:http";
import { deferred, startServer } from "@workshop/testkit";
import express from "express";
import { describe, expect, it } from "vitest";

describe("req.on('close') vs res.on('close')", () => {
  it("for a parsed POST, the request's close fires while the client is still reading; the response's only when it leaves", async () => {
    const order: string[] = [];
    const fired = { req: deferred(), res: deferred() };
    const app = express().use(express.json());
    app.post("/api/chat", (req, res) => {
      req.on("close", () => {
        order.push("req close");
        fired.req.resolve();
      });
      res.on("close", () => {
        order.push("res close");
        fired.res.resolve();
      });
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write("data: still streaming\n\n");
    });
    const running = await startServer(createServer(app));

    const controller = new AbortController();
    const response = await fetch(`${running.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: "hi" }),
      signal: controller.signal,
    });
    await response.body?.getReader().read(); // the stream is open and delivering
    await fired.req.promise; // ...yet the request already says "close"
    order.push("client leaves");
    controller.abort();
    await fired.res.promise;

    expect(order).toEqual(["req close", "client leaves", "res close"]);
    await running.close();
  });
});
