// Lesson 02's notification stream as a badge. "Mute" is state the event
// handler reads: with a stale handler it would keep counting (?trap=stale).
import { useState } from "react";
import { say } from "../stream/page-text.ts";
import { postNotice } from "../stream/post-notice.ts";
import { trap } from "../stream/traps.ts";
import { useEventSourceWithStaleHandlers } from "./traps/use-event-source-with-stale-handlers.ts";
import { useEventSourceWithoutCleanup } from "./traps/use-event-source-without-cleanup.ts";
import { useEventSource } from "./use-event-source.ts";

// ?trap=no-close / ?trap=stale put back one of the two mistakes.
const useStream =
  trap === "no-close"
    ? useEventSourceWithoutCleanup
    : trap === "stale"
      ? useEventSourceWithStaleHandlers
      : useEventSource;

export function NotificationsBadge() {
  const [unread, setUnread] = useState(0);
  // Every notice that arrived, muted or not: Mute ignores a notice, it does not lose it.
  const [received, setReceived] = useState(0);
  const [listening, setListening] = useState(0);
  const [muted, setMuted] = useState(false);
  const state = useStream("/api/notifications", {
    notice: () => {
      setReceived((n) => n + 1);
      if (!muted) setUnread((n) => n + 1);
    },
    presence: (event) => setListening((JSON.parse(event.data) as { connections: number }).connections),
  });
  return (
    <div className="badge" role="status">
      <span data-testid="unread">{unread}</span> {say("unread")} ·{" "}
      <span data-testid="received">{received}</span> {say("received")} · {say("listening", { n: listening })}{" "}
      · {say(`state-${state}`)}
      <label>
        <input type="checkbox" checked={muted} onChange={(event) => setMuted(event.target.checked)} />{" "}
        {say("mute")}
      </label>
      <button type="button" className="secondary" onClick={() => setUnread(0)}>
        {say("mark-read")}
      </button>
      <button type="button" className="secondary" onClick={() => postNotice()}>
        {say("post-notice")}
      </button>
    </div>
  );
}
