// Lesson 05's server: one station per transport (that lesson's own server
// behind a fault proxy), the buttons that hit them all at once, and /t/…
// forwarding so the page reaches every station from one origin.
import { createServer as createHttpServer } from "node:http";
import {
  closeServer,
  createLessonApp,
  HttpError,
  type LessonServer,
  lessonPageOrigins,
  requireDebugHeader,
} from "@workshop/server-kit";
import type { Express } from "express";
import { type Station, type StationSettings, startStation } from "../matrix/fixture.ts";
import { CLASSROOM_HEARTBEAT_MS, FAULTS, type Fault, STATION_PATHS } from "../matrix/stations.ts";
import { TRANSPORTS, type Transport } from "../matrix/transports.ts";
import { createForwarder } from "./forward.ts";

export const LESSON = "05-compare";

/** Slow enough to watch: ~20 tokens/s, heartbeats every 2 s. */
const CLASSROOM: Omit<StationSettings, "isAllowedOrigin"> = {
  timing: { firstTokenDelayMs: 300, tokenDelayMs: 50, jitterMs: 20 },
  heartbeatMs: CLASSROOM_HEARTBEAT_MS,
  retryMs: 1000,
};

// #region faults
const apply: Record<Fault, (station: Station) => void | Promise<void>> = {
  drop: (s) => s.proxy.cutAll(), // every connection, mid-stream
  restart: (s) => s.restart(), // the server forgets everything in memory
  slow: (s) => s.proxy.delay(300), // each chunk 300 ms late
  fragment: (s) => s.proxy.fragment(1), // one byte per TCP segment
  clear: (s) => s.proxy.reset(),
};
// #endregion

export interface CompareApp {
  app: Express;
  stations: Map<Transport, Station>;
  ready: Promise<void>;
}

export function createServer({
  settings = {},
}: {
  settings?: Partial<StationSettings>;
} = {}): LessonServer & CompareApp {
  const pageOrigins = lessonPageOrigins("05"); // this lesson's page, plus ALLOWED_ORIGINS
  const stations = new Map<Transport, Station>();
  const ready = (async () => {
    for (const transport of TRANSPORTS) {
      const isAllowedOrigin = (origin: string) => pageOrigins.has(origin);
      stations.set(transport, await startStation(transport, { ...CLASSROOM, isAllowedOrigin, ...settings }));
    }
  })();

  const app = createLessonApp(LESSON, (app) => {
    app.get("/api/stations", async (_req, res) => {
      await ready;
      const list = TRANSPORTS.map((transport) => ({
        transport,
        path: STATION_PATHS[transport],
        bytesDown: stations.get(transport)?.proxy.bytes.down ?? 0,
      }));
      res.json({ stations: list });
    });
    app.use("/api/faults", requireDebugHeader); // only this lesson's page may inject faults
    app.post("/api/faults", async (req, res) => {
      const fault = (req.body as { fault?: unknown } | undefined)?.fault;
      if (!FAULTS.includes(fault as Fault)) {
        throw new HttpError(400, "invalid_fault", `fault must be one of ${FAULTS.join(", ")}`);
      }
      await ready;
      await Promise.all([...stations.values()].map((station) => apply[fault as Fault](station)));
      res.json({ applied: fault });
    });
  });

  const forward = createForwarder(stations);
  const server = createHttpServer((req, res) => {
    if (!forward.web(req, res)) app(req, res);
  });
  server.on("upgrade", (req, socket, head) => forward.upgrade(req, socket, head));
  return {
    app,
    stations,
    ready,
    server,
    async shutdown() {
      await ready;
      await Promise.all([...stations.values()].map((station) => station.close()));
      forward.closeUpgraded();
      await closeServer(server);
    },
  };
}
