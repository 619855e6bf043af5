// Lesson 01's page: one question, three ways to get the answer, side by side.
import "@workshop/page-kit/style.css";
import { byId, usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import { type Run, runBlocking, runPolling } from "./modes.ts";
import { HTML_ZH, MESSAGES, say } from "./page-text.ts";
import { createPanel, type Panel } from "./panel.ts";

usePresentationLayout(); // compact on a projector, or with ?present (page-kit)
usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const prompt = byId<HTMLInputElement>("prompt");
const interval = byId<HTMLInputElement>("interval");
const latency = byId<HTMLInputElement>("latency");
const naive = byId<HTMLInputElement>("naive");
const typewriter = byId<HTMLInputElement>("typewriter");

type Mode = "blocking" | "short" | "long";
const panels: Record<Mode, Panel> = {
  blocking: createPanel(byId("blocking")),
  short: createPanel(byId("short")),
  long: createPanel(byId("long")),
};
const runs = new Map<Mode, Run>();

function start(mode: Mode): void {
  runs.get(mode)?.stop(); // a new question never leaves the old one running
  const panel = panels[mode];
  panel.reset();
  const question = prompt.value.trim() || prompt.placeholder;
  const run =
    mode === "blocking"
      ? runBlocking(panel, question, typewriter.checked)
      : runPolling(panel, question, mode, {
          intervalMs: () => Math.max(50, Number(interval.value) || 500),
          latencyMs: () => Math.max(0, Number(latency.value) || 0),
          naive: naive.checked,
        });
  runs.set(mode, run);
}

function stopAll(): void {
  for (const [mode, run] of runs) {
    run.stop();
    panels[mode].setState("idle", say("stopped"));
  }
  runs.clear();
}

byId<HTMLFormElement>("ask").addEventListener("submit", (event) => {
  event.preventDefault();
  for (const mode of Object.keys(panels) as Mode[]) start(mode);
});
byId("stop").addEventListener("click", stopAll);
for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-run]")) {
  button.addEventListener("click", () => start(button.dataset.run as Mode));
}
