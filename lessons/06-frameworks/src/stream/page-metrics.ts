// What the page counts about itself and shows, so the class sees (and the
// tests read) how many renders an answer cost: tokens in, renders out.
import { renderMetrics } from "@workshop/page-kit";
import { say } from "./page-text.ts";

/** tokens received, renders committed, EventSources open now, generations the server runs. */
export const counts = { tokens: 0, renders: 0, eventSources: 0, generating: 0 };

let panel: HTMLElement | undefined;
let pending = false;

/** The page's entry shows the counts in this element from now on. */
export function showMetricsIn(element: HTMLElement): void {
  panel = element;
  draw();
}

function draw(): void {
  pending = false;
  if (!panel) return;
  renderMetrics(panel, [
    [say("tokens"), String(counts.tokens)],
    [say("renders"), String(counts.renders)],
    [say("event-sources"), String(counts.eventSources)],
    [say("generating"), String(counts.generating)],
  ]);
}

/** Counts (one by default); a panel redraws once per frame (it must not cost renders itself). */
export function count(what: keyof typeof counts, by = 1): void {
  counts[what] += by;
  if (panel && !pending) {
    pending = true;
    requestAnimationFrame(draw);
  }
}

/**
 * Asks the server how many generations it is running (GET /api/health's
 * `running`), twice a second: close the chat mid-answer and watch it drop to 0.
 */
export function watchServerGenerations(everyMs = 500): () => void {
  const timer = setInterval(async () => {
    const health = await fetch("/api/health")
      .then((response) => response.json() as Promise<{ running?: number }>)
      .catch(() => undefined);
    if (health?.running !== undefined && health.running !== counts.generating) {
      count("generating", health.running - counts.generating);
    }
  }, everyMs);
  return () => clearInterval(timer);
}
