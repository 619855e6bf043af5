// Mode 1, the blocking request: generate everything, then answer once.
// Time to first token = total generation time.
import type { MockLlm } from "@workshop/mock-llm";
import { clientAddress, readPrompt, type StreamLimit } from "@workshop/server-kit";
import type { Express } from "express";
import type { CompleteResponse } from "../protocol.ts";

export function addCompleteRoute(
  app: Express,
  llm: MockLlm,
  { running, limit }: { running: Set<AbortController>; limit: StreamLimit },
): void {
  // #region complete
  app.post("/api/complete", async (req, res) => {
    const prompt = readPrompt(req.body);
    const release = limit.open(clientAddress(req)); // 429 if this client already waits on too many
    const controller = new AbortController();
    running.add(controller);
    // #region complete-cleanup
    // 'close' on the response fires when the client hangs up mid-generation:
    // stop paying for tokens nobody will read.
    res.on("close", () => {
      release();
      controller.abort();
    });
    // #endregion
    const started = performance.now();
    let text = "";
    let tokenCount = 0;
    try {
      for await (const token of llm.generate(prompt, { signal: controller.signal })) {
        text += token;
        tokenCount++;
      }
    } catch {
      return; // aborted: the client is gone, there is no one to answer
    } finally {
      running.delete(controller);
    }
    const body: CompleteResponse = {
      text,
      tokenCount,
      generationMs: Math.round(performance.now() - started),
    };
    res.json(body);
  });
  // #endregion
}
