// THE TRAP, served on purpose (README "pitfalls"): the pattern many SSE
// tutorials teach. Tokens without ids, then `data: [DONE]` and res.end().
// EventSource treats the end of the response as a dropped connection and
// reconnects; with no id to resume from, the reply starts again from the top.
// The page's "tutorial mode" shows the reply repeating; the test proves it.
import type { MockLlm } from "@workshop/mock-llm";
import { encodeEvent } from "@workshop/protocol";
import { readPrompt } from "@workshop/server-kit";
import type { Express } from "express";
import { openEventStream } from "./event-stream.ts";
import type { StreamSettings } from "./open-streams.ts";

export function addTutorialRoute(app: Express, llm: MockLlm, settings: StreamSettings): void {
  // #region tutorial-trap
  app.get("/api/tutorial/stream", async (req, res) => {
    const prompt = readPrompt({ prompt: req.query.prompt });
    settings.open.track(req, res);
    const stream = openEventStream(res, settings);
    try {
      for await (const token of llm.generate(prompt, { signal: stream.signal })) {
        await stream.send(encodeEvent({ data: JSON.stringify(token) })); // no id: nothing to resume from
      }
    } catch {
      return; // client gone
    }
    await stream.send(encodeEvent({ data: "[DONE]" }));
    stream.end(); // ← EventSource sees a dropped connection and reconnects
  });
  // #endregion
}
