// One server under test, in its own process so its memory is its own:
// `server-process.ts <lesson|reference> <transport>`. Prints nothing; tells
// the bench its port over IPC and answers "measure" with its memory after GC.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClockLlm } from "./clock-llm.ts";

const [kind, transport] = process.argv.slice(2);
const llm = createClockLlm();
// The lessons' per-client bounds are for a classroom; here every client is this machine.
const open = {
  maxStreamsPerClient: 1_000_000,
  budget: { maxRunning: 100_000, maxRunningPerClient: 100_000 },
};

// Each process loads only the server it runs, so start-up memory compares like with like.
async function lessonServer(): Promise<Server> {
  switch (transport) {
    case "short polling":
    case "long polling": {
      const { createServer } = await import("@workshop/01-polling/server/app.ts");
      return createServer({ llm, ...open }).server;
    }
    case "SSE": {
      const { createServer } = await import("@workshop/02-sse/server/app.ts");
      return createServer({ llm, ...open }).server;
    }
    case "WebSocket": {
      const { createServer } = await import("@workshop/03-websocket/server/app.ts");
      return createServer({ llm, budget: open.budget, maxSocketsPerClient: 1_000_000 }).server;
    }
    default: {
      const { createServer } = await import("@workshop/04-llm-chat/server/app.ts");
      return createServer({ llm, maxStreamsPerClient: 1_000_000, log: () => {} }).server;
    }
  }
}

const server =
  kind === "reference"
    ? (await import("./reference-server.ts")).createReferenceServer(llm)
    : await lessonServer();
server.listen(0, "127.0.0.1", () => {
  process.send?.({ type: "ready", port: (server.address() as AddressInfo).port });
});
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
process.on("message", (message: { type: string }) => {
  if (message.type === "measure") {
    gc();
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    process.send?.({ type: "memory", heapUsed, rss });
  }
});
