// Broadcast: every open page gets every notice, and a live count of pages.
// Open this page in two tabs and watch both.
import { EVENTS, type NoticeData, type PresenceData } from "../protocol.ts";

export function showNotices(parts: {
  connections: HTMLElement;
  list: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
}): void {
  const notices = new EventSource("/api/notifications");
  notices.addEventListener(EVENTS.presence, (e) => {
    parts.connections.textContent = String((JSON.parse(e.data) as PresenceData).connections);
  });
  notices.addEventListener(EVENTS.notice, (e) => {
    const { text, at } = JSON.parse(e.data) as NoticeData;
    const item = document.createElement("li");
    item.textContent = `${new Date(at).toLocaleTimeString()}  ${text}`; // text, never markup
    parts.list.prepend(item);
  });
  parts.form.addEventListener("submit", (event) => {
    event.preventDefault();
    void fetch("/api/notifications", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: parts.input.value.trim() || parts.input.placeholder }),
    });
    parts.input.value = "";
  });
}
