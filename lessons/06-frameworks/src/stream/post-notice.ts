// The badge's "Post a notice" button: lesson 02's POST /api/notifications, so a class can
// see Mute (and a stale handler) at work without a second tab or a terminal.
export function postNotice(text = "A notice from the page"): void {
  void fetch("/api/notifications", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text }),
  });
}
