// The left pane: each event as the provider sent it, its name highlighted.
// Bounded (the newest 300), and set with textContent: wire data is never markup.
import { say } from "./page-text.ts";

const MAX_ROWS = 300;

export function createWireView(list: HTMLElement, count: HTMLElement) {
  let seen = 0;
  return {
    add(event: string, data: string): void {
      const row = document.createElement("li");
      const name = document.createElement("b");
      name.textContent = event === "message" ? "data" : event; // unnamed events are "message" events
      const body = document.createElement("code");
      body.textContent = data;
      row.append(name, " ", body);
      list.append(row);
      while (list.childElementCount > MAX_ROWS) list.firstElementChild?.remove();
      list.scrollTop = list.scrollHeight;
      count.textContent = say("events", { n: ++seen });
    },
    clear(): void {
      seen = 0;
      list.replaceChildren();
      count.textContent = "";
    },
  };
}
