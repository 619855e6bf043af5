// Lesson 09's page: the paths from GET /api/proxies, and four live demos.
import "@workshop/page-kit/style.css";
import "./proxies.css";
import { byId, renderMetrics, usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import type { ProxyPath } from "../protocol.ts";
import { HTML_ZH, MESSAGES, NOTES_ZH, say } from "./page-text.ts";
import { readThrough } from "./path-race.ts";
import { loadPaths } from "./paths.ts";
import { postNotice, showSharedStream } from "./shared-stream-panel.ts";

usePresentationLayout();
const { language } = usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const paths = await loadPaths();
const pathNamed = (name: string) => paths.find((path) => path.name === name) as ProxyPath;
const cell = (row: HTMLElement, text = "") => {
  const td = document.createElement("td");
  td.textContent = text;
  row.append(td);
  return td;
};

// 1 · The same reply through every path that fronts the beating origin.
const racing = paths.filter((path) => path.name !== "idle-quiet");
const rows = new Map(
  racing.map((path) => {
    const row = document.createElement("tr");
    const name = cell(row);
    const label = document.createElement("code");
    label.textContent = path.http2 ? `${path.name} (HTTP/2)` : path.name;
    name.append(label);
    // The note is the server's English; a path without a Chinese note (one a student added) keeps it.
    const note = (language === "zh" && NOTES_ZH[path.name]) || path.note;
    cell(row, note.replaceAll("`", ""));
    byId("paths").append(row);
    return [path.name, { first: cell(row, "–"), last: cell(row, "–"), verdict: cell(row, "") }];
  }),
);
byId("race").addEventListener("click", async () => {
  const { id } = (await (
    await fetch("/api/jobs", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: say("race-prompt") }),
    })
  ).json()) as { id: string };
  await Promise.all(
    racing.map(async (path) => {
      const row = rows.get(path.name);
      if (!row) return;
      [row.first.textContent, row.last.textContent, row.verdict.textContent] = ["–", "–", "…"]; // a new race
      try {
        const result = await readThrough(
          path.url,
          id,
          (ms) => {
            row.first.textContent = `${Math.round(ms)} ms`;
          },
          () => {
            // Over HTTP/2 (TLS), almost always the self-signed certificate: say where to accept it.
            row.verdict.textContent = path.http2
              ? say("retrying-certificate", { url: path.url })
              : say("retrying");
          },
        );
        row.last.textContent = `${Math.round(result.lastMs)} ms`;
        const lump = result.lastMs - result.firstMs < 0.1 * result.lastMs;
        row.verdict.textContent = say(lump ? "all-at-once" : "token-by-token");
        row.verdict.className = lump ? "bad" : "good";
      } catch {
        row.verdict.textContent = say("refused", { url: path.url }); // readThrough's one rejection
      }
    }),
  );
});

// 2 · Idle timeout: count how often nginx cuts each stream (EventSource reconnects by itself).
byId("idle").addEventListener("click", () => {
  const counts = { "no-heartbeat": 0, heartbeat: 0 };
  const draw = () =>
    renderMetrics(byId("idle-metrics"), [
      [say("no-heartbeat"), String(counts["no-heartbeat"])],
      [say("heartbeat"), String(counts.heartbeat)],
    ]);
  for (const [name, key] of [
    ["idle-quiet", "no-heartbeat"],
    ["idle-heartbeat", "heartbeat"],
  ] as const) {
    const source = new EventSource(`${pathNamed(name).url}/api/notifications`);
    let opened = 0;
    source.onopen = () => {
      if (opened++ > 0) counts[key]++;
      draw();
    };
  }
  draw();
});

// 3 · Seven EventSources to one origin: over HTTP/1.1 the seventh waits for a free connection.
byId("seven").addEventListener("click", () => {
  const opened: Record<string, EventSource[]> = {};
  const draw = () =>
    renderMetrics(
      byId("seven-metrics"),
      Object.entries(opened).map(([name, sources]) => [
        say("open-of", { name }),
        say("n-of-seven", { n: sources.filter((s) => s.readyState === EventSource.OPEN).length }),
      ]),
    );
  for (const name of ["direct", "http2"]) {
    opened[name] = Array.from({ length: 7 }, () => new EventSource(`${pathNamed(name).url}/api/clock`));
    for (const source of opened[name]) source.addEventListener("open", draw);
  }
  draw();
});

// 4 · One stream shared by every tab (tab/ is this panel alone, to open many times).
byId("share").addEventListener("click", () =>
  showSharedStream(byId("share-metrics"), `${pathNamed("direct").url}/api/notifications`),
);
byId("post-notice").addEventListener("click", postNotice);
