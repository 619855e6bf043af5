// One transport's pane: status, reply text, and what it cost.
import { formatMs, renderMetrics } from "@workshop/page-kit";
import { createSeqTally } from "@workshop/protocol";
import type { RunRecord } from "../matrix/run-transport.ts";

export interface Pane {
  start(): void;
  update(record: RunRecord): void;
  finish(record: RunRecord): void;
  setBytes(bytes: number): void;
}

export function createPane(section: HTMLElement): Pane {
  const reply = section.querySelector(".reply") as HTMLElement;
  const metrics = section.querySelector(".metrics") as HTMLElement;
  const status = section.querySelector(".status") as HTMLElement;
  let startedAt = 0;
  let bytesAtStart = -1;
  let bytes = 0;
  let last: RunRecord | undefined;

  const render = (record: RunRecord | undefined, done: boolean) => {
    const arrivals = record?.arrivals ?? [];
    reply.textContent = arrivals.map((a) => a.text).join("");
    const seqs = arrivals.flatMap((a) => (a.seq === undefined ? [] : [a.seq]));
    const tally = createSeqTally(seqs);
    const first = arrivals[0]?.at;
    renderMetrics(metrics, [
      ["Time to first token", formatMs(first === undefined ? undefined : first - startedAt)],
      ["Total time", formatMs(done && arrivals.length ? (arrivals.at(-1)?.at ?? 0) - startedAt : undefined)],
      ["Requests", String(record?.requests ?? 0)],
      ["Bytes received", bytesAtStart < 0 ? "–" : `${Math.max(0, bytes - bytesAtStart)} B`],
      ["Reconnects", String(record?.reconnects ?? 0)],
      ["Tokens lost / duplicated", seqs.length ? `${tally.gaps} / ${tally.duplicates}` : "– (no seq)"],
    ]);
  };

  return {
    start() {
      startedAt = performance.now();
      bytesAtStart = -1;
      last = undefined;
      status.className = "status busy";
      status.textContent = "streaming";
      render(undefined, false);
    },
    update(record) {
      last = record;
      render(record, false);
    },
    finish(record) {
      last = record;
      const label = { complete: "done", "gave up": "gave up", stuck: "stuck" }[record.outcome];
      status.className = `status ${record.outcome === "complete" ? "done" : "error"}`;
      status.textContent = label;
      render(record, true);
    },
    setBytes(value) {
      if (bytesAtStart < 0) bytesAtStart = value;
      bytes = value;
      render(last, status.textContent !== "streaming");
    },
  };
}
