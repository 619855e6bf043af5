// Following a job's reply with EventSource. The browser reconnects by itself
// after a drop (waiting the server's `retry:`), sending Last-Event-ID so the
// server resumes exactly where the stream broke. Our job: close() on done.
import type { Token } from "@workshop/protocol";
import { type DoneData, EVENTS } from "../protocol.ts";

export const READY_STATES = ["CONNECTING", "OPEN", "CLOSED"] as const;
export type ReadyState = (typeof READY_STATES)[number];

export interface FollowHandlers {
  onToken(token: Token, lastEventId: string): void;
  onDone(done: DoneData): void;
  /** readyState changed; `reconnects` counts successful re-opens after the first. */
  onState(state: ReadyState, reconnects: number): void;
}

// #region follow-job
export function followJob(
  url: string,
  handlers: FollowHandlers,
  EventSourceImpl: typeof EventSource = EventSource, // lesson 05 runs this in Node with `eventsource`
): { close(): void } {
  const source = new EventSourceImpl(url);
  let opens = 0;
  const report = () => handlers.onState(READY_STATES[source.readyState] ?? "CLOSED", Math.max(0, opens - 1));

  source.onopen = () => {
    opens++;
    report();
  };
  // An error while CONNECTING means "dropped, retrying"; CLOSED means it gave
  // up (a non-200 answer, a wrong Content-Type, or a 204).
  source.onerror = report;
  source.addEventListener(EVENTS.token, (event) => {
    handlers.onToken(JSON.parse(event.data) as Token, event.lastEventId);
  });
  source.addEventListener(EVENTS.done, (event) => {
    source.close(); // without this, the end of the response looks like a drop: it reconnects
    report();
    handlers.onDone(JSON.parse(event.data) as DoneData);
  });
  report();
  return {
    close() {
      source.close();
      report();
    },
  };
}
// #endregion
