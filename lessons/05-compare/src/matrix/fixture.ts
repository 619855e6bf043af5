// Every earlier lesson's server, imported (not copied), each behind its own
// fault-injecting proxy, so a fault hits one transport the same way it hits
// the others.
import { createServer as createPollingServer } from "@workshop/01-polling/server/app.ts";
import { createServer as createSseServer } from "@workshop/02-sse/server/app.ts";
import { createServer as createWebSocketServer } from "@workshop/03-websocket/server/app.ts";
import { createServer as createChatServer } from "@workshop/04-llm-chat/server/app.ts";
import { type FaultProxy, startFaultProxy } from "@workshop/fault-proxy";
import { createMockLlm, type MockLlm, type MockLlmTiming, steadyTiming } from "@workshop/mock-llm";
import type { LessonServer } from "@workshop/server-kit";
import { type RunningServer, startServer } from "@workshop/testkit/servers";

import type { Transport } from "./transports.ts";

export { TRANSPORTS, type Transport } from "./transports.ts";

export interface StationSettings {
  timing: MockLlmTiming;
  heartbeatMs: number;
  retryMs: number;
  isAllowedOrigin: (origin: string) => boolean;
  /** One model for every station instead of one each: a test holds it mid-answer (`hold`). */
  llm?: MockLlm;
}

/**
 * For the matrix: tokens every 4 ms; retry, heartbeat and watchdog short enough for a test.
 * A heartbeat of 250 ms puts WebSocket's watchdog (three missed heartbeats) at 750 ms, well
 * past the pauses a busy machine makes while it moves a 1 MiB message or 1-byte fragments.
 */
export const TEST_SETTINGS: StationSettings = {
  timing: steadyTiming(4),
  heartbeatMs: 250,
  retryMs: 50,
  isAllowedOrigin: () => true,
};

function createLessonServer(transport: Transport, settings: StationSettings): LessonServer {
  const llm = settings.llm ?? createMockLlm({ timing: settings.timing, largeReplies: true }); // the 1 MiB row
  const { heartbeatMs, retryMs, isAllowedOrigin } = settings;
  switch (transport) {
    case "short polling":
    case "long polling":
      return createPollingServer({ llm, longPollTimeoutMs: 1000 });
    case "SSE":
      return createSseServer({ llm, retryMs, heartbeatMs });
    case "WebSocket":
      return createWebSocketServer({ llm, heartbeatMs, isAllowedOrigin });
    case "fetch stream":
      // The 1 MiB row: one upstream event is a little over 1 MiB of JSON.
      return createChatServer({ llm, idleTimeoutMs: 2000, upstream: { maxEventChars: 4 << 20 } });
  }
}

export interface Station {
  transport: Transport;
  /** A fresh proxy per scenario: a new origin, so no pooled connection from an earlier fault is reused. */
  proxy: FaultProxy;
  /** Stops the server (in-memory state gone) and starts a fresh one behind the same proxy. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startStation(transport: Transport, settings = TEST_SETTINGS): Promise<Station> {
  let lesson = createLessonServer(transport, settings);
  let running: RunningServer = await startServer(lesson.server);
  const proxy = await startFaultProxy(running.port);
  return {
    transport,
    proxy,
    async restart() {
      await lesson.shutdown();
      await running.close().catch(() => {});
      lesson = createLessonServer(transport, settings);
      running = await startServer(lesson.server);
      proxy.setTarget(running.port);
    },
    async close() {
      await proxy.close();
      await lesson.shutdown();
      await running.close().catch(() => {});
    },
  };
}
