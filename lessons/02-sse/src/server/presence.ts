// "N pages are listening", kept live without making fan-out quadratic.
// Broadcasting the count on every connect and close costs n writes per
// change, so n pages arriving cost n² writes (10,000 pages: 10⁸). Instead a
// new page gets the count at once (one write), and everyone else gets it at
// most once per interval, only when it changed: O(n) per interval.

import type { ServerResponse } from "node:http";
import { encodeEvent } from "@workshop/protocol";
import { EVENTS, type PresenceData } from "../protocol.ts";
import type { Broadcaster } from "./broadcaster.ts";

// #region presence
// `count`: how many listen; this process's pages unless told otherwise
// (lesson 07 sums every instance's).
export function createPresence(broadcaster: Broadcaster, intervalMs: number, count = () => broadcaster.size) {
  let announced = -1;
  let timer: NodeJS.Timeout | undefined;
  const event = () =>
    encodeEvent({
      event: EVENTS.presence,
      data: JSON.stringify({ connections: count() } satisfies PresenceData),
    });

  const announce = () => {
    timer = undefined;
    if (count() === announced) return; // nothing changed since the last one
    announced = count();
    broadcaster.send(event());
  };
  /** The count changed: tell everyone, once, at the end of this interval. */
  const changed = () => {
    timer ??= setTimeout(announce, intervalMs).unref();
  };

  return {
    /** A page arrived: it learns the count now, the others soon. */
    joined(res: ServerResponse): void {
      broadcaster.sendTo(res, event());
      changed();
    },
    left: changed,
    /** The count changed elsewhere (another instance): announce it like a local change. */
    recount: changed,
    stop: () => clearTimeout(timer),
  };
}
// #endregion
