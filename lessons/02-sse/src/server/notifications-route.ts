// GET /api/notifications: every connected page gets every notice, plus a live
// count of listeners. POST /api/notifications { text } broadcasts one.
//
// The GET is the stream a whole class keeps open all day, so it is served on
// node:http alone, before Express: Express swaps each request's prototype and
// adds routing state, which costs ~2.3 KB per held request, more than the
// stream itself (lessons/05-compare/BENCH.md). Short requests don't mind.
import { encodeEvent } from "@workshop/protocol";
import { HttpError, type PlainRoute, sendPlainError } from "@workshop/server-kit";
import type { Express } from "express";
import { EVENTS, type NoticeData } from "../protocol.ts";
import { type Broadcaster, createBroadcaster } from "./broadcaster.ts";
import { openEventStream } from "./event-stream.ts";
import type { StreamSettings } from "./open-streams.ts";
import { createPresence } from "./presence.ts";

export const MAX_NOTICE_LENGTH = 500;

/** A notice from a request body `{ text }`, stamped now; 400 `invalid_notice` otherwise. */
export function readNotice(body: unknown): NoticeData {
  const text = (body as { text?: unknown } | undefined)?.text;
  if (typeof text !== "string" || text.trim() === "" || text.length > MAX_NOTICE_LENGTH) {
    throw new HttpError(
      400,
      "invalid_notice",
      `Send {"text": "…"} with 1 to ${MAX_NOTICE_LENGTH} characters.`,
    );
  }
  return { text, at: new Date().toISOString() };
}

export function addNotificationRoutes(
  app: Express,
  settings: StreamSettings & {
    maxQueuedBytes?: number;
    presenceIntervalMs: number;
    /** What presence counts; default: this server's listeners. */
    countListeners?: () => number;
  },
): Broadcaster & { stopPresence(): void; recountPresence(): void; listen: PlainRoute } {
  const broadcaster = createBroadcaster({
    maxQueuedBytes: settings.maxQueuedBytes,
    onLeave: () => presence.left(), // called only once a page has left, long after this line
  });
  const presence = createPresence(broadcaster, settings.presenceIntervalMs, settings.countListeners);

  const listen: PlainRoute = (req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/api/notifications") return false;
    try {
      settings.open.track(req, res); // 429 when this client has too many streams open
    } catch (error) {
      sendPlainError(res, error as HttpError);
      return true;
    }
    openEventStream(res, settings);
    broadcaster.add(res);
    presence.joined(res);
    return true;
  };

  app.post("/api/notifications", (req, res) => {
    const notice = readNotice(req.body);
    broadcaster.send(encodeEvent({ event: EVENTS.notice, data: JSON.stringify(notice) }));
    res.status(202).json({ delivered: broadcaster.size });
  });

  return Object.assign(broadcaster, {
    stopPresence: presence.stop,
    recountPresence: presence.recount,
    listen,
  });
}
