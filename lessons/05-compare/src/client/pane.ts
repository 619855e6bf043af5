// One transport's pane: status, reply text, and what it cost.
import { formatMs, renderMetrics } from "@workshop/page-kit";
import { createSeqTally } from "@workshop/protocol";
import type { RunRecord } from "../matrix/run-transport.ts";
import { say } from "./page-text.ts";

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
  let streaming = false;

  const render = (record: RunRecord | undefined, done: boolean) => {
    const arrivals = record?.arrivals ?? [];
    reply.textContent = arrivals.map((a) => a.text).join("");
    const seqs = arrivals.flatMap((a) => (a.seq === undefined ? [] : [a.seq]));
    const tally = createSeqTally(seqs);
    const first = arrivals[0]?.at;
    renderMetrics(metrics, [
      [say("first-token"), formatMs(first === undefined ? undefined : first - startedAt)],
      [say("total"), formatMs(done && arrivals.length ? (arrivals.at(-1)?.at ?? 0) - startedAt : undefined)],
      [say("requests"), String(record?.requests ?? 0)],
      [say("bytes"), bytesAtStart < 0 ? "–" : `${Math.max(0, bytes - bytesAtStart)} B`],
      [say("reconnects"), String(record?.reconnects ?? 0)],
      [say("lost-duplicated"), seqs.length ? `${tally.gaps} / ${tally.duplicates}` : say("no-seq")],
    ]);
  };

  return {
    start() {
      startedAt = performance.now();
      bytesAtStart = -1;
      last = undefined;
      streaming = true;
      status.className = "status busy";
      status.textContent = say("streaming");
      render(undefined, false);
    },
    update(record) {
      last = record;
      render(record, false);
    },
    finish(record) {
      last = record;
      streaming = false;
      const label = say(
        ({ complete: "done", "gave up": "gave-up", stuck: "stuck" } as const)[record.outcome],
      );
      status.className = `status ${record.outcome === "complete" ? "done" : "error"}`;
      status.textContent = label;
      render(record, true);
    },
    setBytes(value) {
      if (bytesAtStart < 0) bytesAtStart = value;
      bytes = value;
      render(last, !streaming);
    },
  };
}
