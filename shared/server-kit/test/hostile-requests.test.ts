// Issue 11 §8: every route that is not a page answers JSON, and a request
// that never finishes its body is answered instead of holding a socket.
import { connect } from "node:net";
import { apiErrorOf, startServer } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLessonApp, readPrompt, serveLesson } from "../src/index.ts";

/** Sends raw bytes and resolves with everything the server answered, once it closes or answers. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      answer += chunk;
      if (/\r\n\r\n[\s\S]*\}$/.test(answer)) socket.destroy(); // headers and a JSON body
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("the lesson app refuses requests that would hold it open", () => {
  let url = "";
  let port = 0;
  let close = async () => {};
  beforeAll(async () => {
    const app = createLessonApp(
      "00-test",
      (app) => {
        app.post("/api/echo", (req, res) => {
          res.json({ prompt: readPrompt(req.body) });
        });
        app.get("/v1/models", (_req, res) => {
          res.json({ data: [] });
        });
      },
      { bodyTimeoutMs: 200 },
    );
    ({ url, port, close } = await startServer(serveLesson({ app }, () => {}).server));
  });
  afterAll(() => close());

  it("refuses a declared Content-Length over the limit at once with 413, without waiting for the body", async () => {
    const answer = await rawRequest(
      port,
      "POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('"code":"body_too_large"');
  });

  it("answers 408 JSON when a body stops arriving, and closes the connection", async () => {
    const answer = await rawRequest(
      port,
      'POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"prompt":',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"body_timeout"');
  });

  it.each(["/", "//api/health", "/ws", "/mock/anything", "/api/nope"])(
    "GET %s → 404 JSON, never an HTML page",
    async (path) => {
      const answer = await rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 404 /);
      expect(answer).toMatch(/content-type: application\/json/i);
      expect(answer).toContain('"code":"not_found"');
    },
  );

  it("a known path with the wrong method → 405 JSON with Allow", async () => {
    const response = await fetch(`${url}/v1/models`, { method: "POST" });
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(await apiErrorOf(response)).toEqual({ status: 405, code: "method_not_allowed" });
    const echo = await fetch(`${url}/api/echo`);
    expect(echo.headers.get("allow")).toBe("POST");
    expect(echo.status).toBe(405);
  });

  it("gives headers 10 s and a whole request 30 s (Node's defaults are 60 s and 5 min), which never cuts a long response", () => {
    const { server } = serveLesson({ app: createLessonApp("00-test", () => {}) }, () => {});
    expect({ headers: server.headersTimeout, request: server.requestTimeout }).toEqual({
      headers: 10_000,
      request: 30_000,
    });
  });

  it("still answers after all of that", async () => {
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});
