// A short, newest-last log of what happened on the wire. Entries are set with
// textContent: server data never becomes markup.
export interface EventLog {
  add(text: string, kind?: "in" | "out" | "info" | "error"): void;
  clear(): void;
}

export function createEventLog(list: HTMLElement, max = 10, now = () => performance.now()): EventLog {
  const origin = now();
  return {
    add(text, kind = "info") {
      const item = document.createElement("li");
      item.className = `log-${kind}`;
      item.textContent = `${((now() - origin) / 1000).toFixed(2).padStart(6)}s  ${text}`;
      list.append(item);
      while (list.childElementCount > max) list.firstElementChild?.remove();
      list.scrollTop = list.scrollHeight;
    },
    clear() {
      list.replaceChildren();
    },
  };
}
