// In Chromium: what a chat POST from another origin costs before its stream starts.
// The "page" is lesson 04's own /api/health on one server (an origin with no
// Content-Security-Policy of its own); the chat API it calls is a second lesson
// server, on another port, so another origin. Each server counts the requests it sees.
import type { Server } from "node:http";
import { describeInBrowser, freshPage } from "@workshop/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CrossOriginChat } from "../src/server/cross-origin-chat.ts";
import { startLesson } from "./start.ts";

type Lesson = Awaited<ReturnType<typeof startLesson>>;

/** The methods of the requests a server received for /api/chat (any query), in order. */
function chatRequests(server: Server): string[] {
  const seen: string[] = [];
  // Before Express's own listener: a mounted middleware rewrites req.url.
  server.prependListener("request", (req) => {
    if (req.url?.startsWith("/api/chat")) seen.push(req.method ?? "");
  });
  return seen;
}

let home: Lesson;
beforeAll(async () => {
  home = await startLesson();
});
afterAll(() => home?.close());

describeInBrowser("a chat POST from another origin (CORS preflight)", (browser) => {
  const page = freshPage(browser, () => `${home.url}/api/health`);

  /** POSTs "echo: hi" to `url` from the page, as a chat page would: JSON, maybe an Authorization header. */
  const postChat = (url: string, headers: Record<string, string>) =>
    page.evaluate(
      async ({ url, headers }) => {
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...headers },
          body: JSON.stringify({ messages: [{ role: "user", content: "echo: hi" }] }),
        });
        return { status: response.status, streamed: (await response.text()).includes('"hi"') };
      },
      { url, headers },
    );

  const crossOrigin = async (settings: Omit<CrossOriginChat, "origins">) => {
    const api = await startLesson({ crossOrigin: { origins: [new URL(home.url).origin], ...settings } });
    return { api, seen: chatRequests(api.server) };
  };

  it("sends an OPTIONS preflight before each POST with Authorization when the server lets nothing be cached", async () => {
    const { api, seen } = await crossOrigin({ preflightMaxAgeSeconds: 0 });
    try {
      const bearer = { Authorization: "Bearer a-user-session" };
      expect(await postChat(`${api.url}/api/chat`, bearer)).toEqual({ status: 200, streamed: true });
      expect(await postChat(`${api.url}/api/chat`, bearer)).toEqual({ status: 200, streamed: true });
      // Each stream waited a whole round trip for its preflight before its POST was even sent.
      expect(seen).toEqual(["OPTIONS", "POST", "OPTIONS", "POST"]);
    } finally {
      await api.close();
    }
  });

  it("reuses the preflight's answer while Access-Control-Max-Age allows: one OPTIONS for two streams to the same URL", async () => {
    const { api, seen } = await crossOrigin({ preflightMaxAgeSeconds: 600 });
    try {
      const bearer = { Authorization: "Bearer a-user-session" };
      await postChat(`${api.url}/api/chat`, bearer);
      await postChat(`${api.url}/api/chat`, bearer);
      expect(seen).toEqual(["OPTIONS", "POST", "POST"]);
      // The cache is kept per URL: an id in the path or query pays its own preflight.
      await postChat(`${api.url}/api/chat?conversation=2`, bearer);
      expect(seen).toEqual(["OPTIONS", "POST", "POST", "OPTIONS", "POST"]);
    } finally {
      await api.close();
    }
  });

  it("preflights a JSON POST even without Authorization: Content-Type application/json is not a simple header", async () => {
    const { api, seen } = await crossOrigin({ preflightMaxAgeSeconds: 0 });
    try {
      expect(await postChat(`${api.url}/api/chat`, {})).toEqual({ status: 200, streamed: true });
      expect(seen).toEqual(["OPTIONS", "POST"]);
    } finally {
      await api.close();
    }
  });

  it("never sends the POST when the preflight allows nothing: the origin is not on the list, and no generation starts", async () => {
    const api = await startLesson(); // no cross-origin setting: the lesson's default
    const seen = chatRequests(api.server);
    try {
      const outcome = await postChat(`${api.url}/api/chat`, { Authorization: "Bearer a-user-session" }).catch(
        (error: Error) => error.message,
      );
      expect(outcome).toMatch(/Failed to fetch/);
      expect(seen).toEqual(["OPTIONS"]);
      expect(api.llm.tokensGenerated).toBe(0);
    } finally {
      await api.close();
    }
  });

  it("sends no preflight on the page's own origin, where this lesson's page calls its BFF", async () => {
    const seen = chatRequests(home.server);
    expect(await postChat(`${home.url}/api/chat`, { Authorization: "Bearer a-user-session" })).toEqual({
      status: 200,
      streamed: true,
    });
    expect(seen).toEqual(["POST"]);
  });
});
