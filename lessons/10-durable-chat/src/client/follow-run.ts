// Reads a run from an offset to its end, and when the connection is cut (a network
// blip, a laptop lid, the phone putting the tab to sleep) reads again from the last
// offset received: at once when the page comes back (`online`, `pageshow`, visible
// again), or after `retryMs`. Offline, it waits for `online` instead of spinning.
import { readSseEvents } from "@workshop/protocol";
import { type EndData, RUN_EVENTS, type TokenData } from "../protocol.ts";

export interface RunHandlers {
  /** A token, with its offset in the run's log. */
  onToken(text: string, offset: number): void;
  /** The run ended (complete, stopped, cut…): nothing more will come. */
  onEnd(end: EndData): void;
  /** "reading", or "waiting" to read again after a cut (what the page says meanwhile). */
  onState?(state: "reading" | "waiting"): void;
  /** A token it already had came again, and was dropped (the page counts them: its proof). */
  onRepeat?(offset: number): void;
  /** The server says the run is not there to read (404: expired, or never was): reading stops. */
  onGone?(status: number): void;
}

/** A refusal that reading again will not change (not 408 or 429, which say "later"). */
class RunGone extends Error {
  constructor(readonly status: number) {
    super(`the run answered ${status}`);
  }
}

export interface FollowOptions {
  retryMs?: number;
  /** Where the page's events come from (a test passes its own). */
  events?: Pick<Window, "addEventListener" | "removeEventListener">;
  online?: () => boolean;
}

export interface Following {
  /** Stops reading (this tab leaves): never stops the run. */
  leave(): void;
  /** Reads again from the last offset now (the page came back). */
  resume(): void;
  readonly offset: number;
}

// #region follow-run
export function followRun(
  runId: string,
  after: number,
  handlers: RunHandlers,
  { retryMs = 1000, events = window, online = () => navigator.onLine }: FollowOptions = {},
): Following {
  let offset = after;
  let left = false;
  let reading: AbortController | undefined;
  let wake: (() => void) | undefined;

  async function readOnce(): Promise<boolean> {
    reading = new AbortController();
    const query = offset >= 0 ? `?after=${offset}` : "";
    const response = await fetch(`/api/runs/${encodeURIComponent(runId)}/events${query}`, {
      signal: reading.signal,
      cache: "no-store",
    });
    const { status } = response;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new RunGone(status);
    if (!response.ok || !response.body) throw new Error(`the run answered ${status}`);
    for await (const event of readSseEvents(response.body)) {
      if (event.type === RUN_EVENTS.token) {
        const seq = Number(event.lastEventId);
        if (seq <= offset) {
          handlers.onRepeat?.(seq); // already have it: never shown twice
          continue;
        }
        offset = seq;
        handlers.onToken((JSON.parse(event.data) as TokenData).text, seq);
      } else if (event.type === RUN_EVENTS.end) {
        handlers.onEnd(JSON.parse(event.data) as EndData);
        return true;
      }
    }
    return false; // the connection ended before `end`: cut, not finished
  }

  async function loop(): Promise<void> {
    while (!left) {
      handlers.onState?.("reading");
      let ended = false;
      try {
        ended = await readOnce();
      } catch (error) {
        if (error instanceof RunGone) {
          handlers.onGone?.(error.status);
          return;
        }
      }
      if (ended || left) return;
      handlers.onState?.("waiting");
      await comeBack();
    }
  }
  // #endregion

  // #region come-back
  /** Resolves when it is worth reading again: back online, page shown again, or retryMs (online only). */
  function comeBack(): Promise<void> {
    return new Promise((resolve) => {
      const timer = online() ? setTimeout(done, retryMs) : undefined;
      const onVisible = () => document.visibilityState === "visible" && done();
      events.addEventListener("online", done);
      events.addEventListener("pageshow", done);
      document.addEventListener("visibilitychange", onVisible);
      wake = done;
      function done() {
        clearTimeout(timer);
        events.removeEventListener("online", done);
        events.removeEventListener("pageshow", done);
        document.removeEventListener("visibilitychange", onVisible);
        wake = undefined;
        resolve();
      }
    });
  }
  // #endregion

  void loop();
  return {
    leave() {
      left = true;
      reading?.abort();
      wake?.();
    },
    resume() {
      reading?.abort(); // a stalled connection (a frozen tab's) is dropped; the loop reads again
      wake?.();
    },
    get offset() {
      return offset;
    },
  };
}
