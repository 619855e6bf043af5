// What the page counts about itself and shows, so the class sees (and the
// tests read) how many renders an answer cost: tokens in, renders out.
import { renderMetrics } from "@workshop/page-kit";

/** tokens received, renders committed, EventSources open now. */
export const counts = { tokens: 0, renders: 0, eventSources: 0 };

let pending = false;
function show(): void {
  pending = false;
  const element = globalThis.document?.getElementById("metrics"); // absent in Node (exercise checks)
  if (!element) return;
  renderMetrics(element, [
    ["tokens", String(counts.tokens)],
    ["renders", String(counts.renders)],
    ["EventSources open", String(counts.eventSources)],
  ]);
}

/** Counts (one by default), and redraws the panel once per frame (the panel must not cost renders itself). */
export function count(what: keyof typeof counts, by = 1): void {
  counts[what] += by;
  if (!pending && globalThis.document) {
    pending = true;
    requestAnimationFrame(show);
  }
}
