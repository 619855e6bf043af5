// One mode's panel on the page: status, reply, metrics and event log.
// Every piece of server text goes in through textContent.
import { createEventLog, type EventLog, formatBytes, formatMs, renderMetrics } from "@workshop/page-kit";
import { say } from "./page-text.ts";
import { createStats, type ModeStats, timeToFirstToken, totalTime } from "./stats.ts";

export type PanelState = "idle" | "busy" | "done" | "error";

export interface Panel {
  readonly section: HTMLElement;
  stats: ModeStats;
  log: EventLog;
  /** Clears the panel for a new question. */
  reset(): void;
  /** Redraws the reply and metrics from `stats`. */
  render(): void;
  setState(state: PanelState, label: string): void;
  /** Shows a failed request in the log and the status. */
  fail(error: unknown): void;
}

export function createPanel(section: HTMLElement): Panel {
  const find = <T extends HTMLElement>(selector: string) => section.querySelector(selector) as T;
  const reply = find<HTMLElement>(".reply");
  const metrics = find<HTMLElement>(".metrics");
  const status = find<HTMLElement>(".status");
  const panel: Panel = {
    section,
    stats: createStats(performance.now()),
    log: createEventLog(find<HTMLElement>(".log")),
    reset() {
      panel.stats = createStats(performance.now());
      panel.log.clear();
      panel.render();
    },
    render() {
      const s = panel.stats;
      reply.textContent = s.text;
      reply.scrollTop = reply.scrollHeight;
      renderMetrics(metrics, [
        [say("first-token"), formatMs(timeToFirstToken(s))],
        [say("total"), formatMs(totalTime(s))],
        [say("requests"), String(s.requests)],
        [say("empty"), String(s.emptyResponses)],
        [say("bytes"), formatBytes(s.bytes)],
        [say("duplicates"), String(s.duplicates)],
      ]);
    },
    setState(state, label) {
      status.className = `status ${state}`;
      status.textContent = label;
    },
    fail(error) {
      panel.log.add(error instanceof Error ? error.message : String(error), "error");
      panel.setState("error", say("failed"));
    },
  };
  panel.render();
  return panel;
}
