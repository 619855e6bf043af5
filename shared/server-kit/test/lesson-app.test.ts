import { createServer } from "node:http";
import { apiErrorOf, startServer } from "@workshop/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLessonApp, lessonPageOrigins, readPrompt } from "../src/index.ts";

describe("the lesson app answers bad input with JSON errors and stays up", () => {
  let url = "";
  let close = async () => {};
  beforeAll(async () => {
    const app = createLessonApp("00-test", (app) => {
      app.post("/api/echo", (req, res) => {
        res.json({ prompt: readPrompt(req.body) });
      });
    });
    ({ url, close } = await startServer(createServer(app)));
  });
  afterAll(() => close());

  const post = (body: string, type = "application/json") =>
    fetch(`${url}/api/echo`, { method: "POST", headers: { "Content-Type": type }, body });

  it("GET /api/health names the lesson", async () => {
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true, lesson: "00-test" });
  });

  it.each([
    ["non-JSON body", "{not json", 400, "invalid_json"],
    ["missing prompt", "{}", 400, "invalid_prompt"],
    ["empty prompt", '{"prompt":"   "}', 400, "invalid_prompt"],
    ["prompt of the wrong type", '{"prompt":42}', 400, "invalid_prompt"],
    ["body over the size limit", JSON.stringify({ prompt: "x".repeat(20_000) }), 413, "body_too_large"],
  ])("%s → %i %s", async (_name, body, status, code) => {
    expect(await apiErrorOf(await post(body))).toEqual({ status, code });
  });

  it("a body sent as text/plain is not parsed, so the prompt is missing → 400", async () => {
    const response = await post('{"prompt":"hi"}', "text/plain");
    expect(response.status).toBe(400);
  });

  it("unknown /api routes → 404 JSON", async () => {
    expect(await apiErrorOf(await fetch(`${url}/api/nope`))).toEqual({ status: 404, code: "not_found" });
  });

  it("still answers after all of that", async () => {
    expect((await post('{"prompt":"hi"}')).status).toBe(200);
  });
});

describe("a lesson page's origins", () => {
  it("are its port on 127.0.0.1 and localhost, plus ALLOWED_ORIGINS for a classroom LAN", () => {
    expect(lessonPageOrigins("03", {})).toEqual(new Set(["http://127.0.0.1:5103", "http://localhost:5103"]));
    const lan = lessonPageOrigins("03", {
      ALLOWED_ORIGINS: "http://192.168.1.20:5103/, http://teacher.local:5103",
    });
    expect(lan.has("http://192.168.1.20:5103")).toBe(true);
    expect(lan.has("http://teacher.local:5103")).toBe(true);
    expect(lan.has("http://evil.example:5103")).toBe(false);
  });
});
