// Every open event stream, tracked in one place: for the per-client bound
// (issue 11: one client must not hold thousands of streams), for
// /api/debug/drop, and for a clean shutdown.

import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddress, createStreamLimit } from "@workshop/server-kit";

export interface OpenStreams {
  /** The responses streaming right now (0 once every client has left). */
  readonly all: Set<ServerResponse>;
  /**
   * Counts `res` as an open stream until it closes. Throws a 429 HttpError
   * when this client already has too many, so call it before the headers.
   */
  track(req: IncomingMessage, res: ServerResponse): void;
}

export function createOpenStreams(perClient?: number): OpenStreams {
  const all = new Set<ServerResponse>();
  const limit = createStreamLimit(perClient);
  return {
    all,
    track(req, res) {
      const client = clientAddress(req);
      limit.acquire(client); // throws 429 over the bound
      all.add(res);
      res.once("close", () => {
        all.delete(res);
        limit.close(client);
      });
    },
  };
}

/** What every event-stream route of this lesson shares. */
export interface StreamSettings {
  retryMs: number;
  heartbeatMs: number;
  open: OpenStreams;
}
