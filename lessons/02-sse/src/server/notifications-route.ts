// GET /api/notifications: every connected page gets every notice, plus a live
// count of listeners. POST /api/notifications { text } broadcasts one.
import { encodeEvent } from "@workshop/protocol";
import { HttpError, openEventStream } from "@workshop/server-kit";
import type { Express } from "express";
import { EVENTS, type NoticeData } from "../protocol.ts";
import { type Broadcaster, createBroadcaster } from "./broadcaster.ts";
import type { StreamSettings } from "./open-streams.ts";
import { createPresence } from "./presence.ts";

export const MAX_NOTICE_LENGTH = 500;

export function addNotificationRoutes(
  app: Express,
  settings: StreamSettings & { maxQueuedBytes?: number; presenceIntervalMs: number },
): Broadcaster & { stopPresence(): void } {
  let presence: ReturnType<typeof createPresence> | undefined;
  const broadcaster = createBroadcaster({
    maxQueuedBytes: settings.maxQueuedBytes,
    onLeave: () => presence?.left(),
  });
  presence = createPresence(broadcaster, settings.presenceIntervalMs);

  app.get("/api/notifications", (req, res) => {
    settings.open.track(req, res);
    openEventStream(res, settings);
    broadcaster.add(res);
    presence?.joined(res);
  });

  app.post("/api/notifications", (req, res) => {
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text !== "string" || text.trim() === "" || text.length > MAX_NOTICE_LENGTH) {
      throw new HttpError(
        400,
        "invalid_notice",
        `Send {"text": "…"} with 1 to ${MAX_NOTICE_LENGTH} characters.`,
      );
    }
    const notice: NoticeData = { text, at: new Date().toISOString() };
    broadcaster.send(encodeEvent({ event: EVENTS.notice, data: JSON.stringify(notice) }));
    res.status(202).json({ delivered: broadcaster.size });
  });

  return Object.assign(broadcaster, { stopPresence: presence.stop });
}
