// What a tab shows of the shared stream: how many streams the server counts
// (one, however many tabs joined) and how many notices this tab heard.
import { renderMetrics } from "@workshop/page-kit";
import { say } from "./page-text.ts";
import { joinSharedStream } from "./shared-stream.ts";

/** The panel's "Post a notice" button: through the lesson's server to the origin, heard by every joined tab. */
export function postNotice(): void {
  void fetch("/api/notifications", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text: say("notice") }),
  });
}

export function showSharedStream(metrics: HTMLElement, url: string): void {
  // Until the worker's EventSource opens. Over HTTP/1.1 it waits for one of this origin's six
  // connections: after "Open seven" holds them all, that is a wait, not a hang.
  const seen = { streams: say("waiting-connection"), notices: 0 };
  const draw = () =>
    renderMetrics(metrics, [
      [say("server-streams"), seen.streams],
      [say("notices-heard"), String(seen.notices)],
    ]);
  joinSharedStream(url, (type, data) => {
    if (type === "presence") seen.streams = String(JSON.parse(data).connections);
    else seen.notices++;
    draw();
  });
  draw();
}
