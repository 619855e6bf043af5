// Lesson 05's page: the same question through every transport at once, and
// buttons that hit them all with the same fault.
import "@workshop/page-kit/style.css";
import "./compare.css";
import { byId, usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import { runTransport } from "../matrix/run-transport.ts";
import type { Fault } from "../matrix/stations.ts";
import { CLASSROOM_HEARTBEAT_MS, STATION_PATHS } from "../matrix/stations.ts";
import { TRANSPORTS, type Transport } from "../matrix/transports.ts";
import { browserPlatform } from "./browser-platform.ts";
import { HTML_ZH, MESSAGES, say } from "./page-text.ts";
import { createPane } from "./pane.ts";

usePresentationLayout(); // compact on a projector, or with ?present (page-kit)
usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const panes = new Map(TRANSPORTS.map((t) => [t, createPane(byId(STATION_PATHS[t].slice(3)))]));
let controller: AbortController | undefined;
let bytesTimer: ReturnType<typeof setInterval> | undefined;

async function refreshBytes(): Promise<void> {
  const { stations } = (await (await fetch("/api/stations")).json()) as {
    stations: { transport: Transport; bytesDown: number }[];
  };
  for (const { transport, bytesDown } of stations) panes.get(transport)?.setBytes(bytesDown);
}

async function askAll(): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const prompt =
    byId<HTMLInputElement>("prompt").value.trim() || byId<HTMLInputElement>("prompt").placeholder;
  // Every pane says "streaming" at once, before any await: the class (and the tests) see
  // the question was taken, even while the byte baseline is still being fetched.
  for (const pane of panes.values()) pane.start();
  await refreshBytes(); // the baseline for "bytes received"
  clearInterval(bytesTimer);
  bytesTimer = setInterval(refreshBytes, 1000); // cleared when every pane is done
  const runs = TRANSPORTS.map(async (transport) => {
    const pane = panes.get(transport);
    const record = await runTransport(transport, {
      platform: browserPlatform,
      base: STATION_PATHS[transport],
      prompt,
      stuckAfterMs: 60_000,
      heartbeatMs: CLASSROOM_HEARTBEAT_MS,
      signal,
      onToken: (_count, record) => pane?.update(record),
    });
    pane?.finish(record);
  });
  await Promise.all(runs);
  clearInterval(bytesTimer);
  await refreshBytes();
}

async function inject(fault: Fault): Promise<void> {
  await fetch("/api/faults", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Workshop-Debug": "1" },
    body: JSON.stringify({ fault }),
  });
  byId("fault-note").textContent = say("injected", { fault });
}

byId<HTMLFormElement>("ask").addEventListener("submit", (event) => {
  event.preventDefault();
  void askAll();
});
for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-fault]")) {
  button.addEventListener("click", () => void inject(button.dataset.fault as Fault));
}
