// Lesson 09's page: the paths from GET /api/proxies, and four live demos.
import "@workshop/page-kit/style.css";
import "./proxies.css";
import { byId, renderMetrics, usePresentationLayout } from "@workshop/page-kit";
import type { ProxyPath } from "../protocol.ts";
import { readThrough } from "./path-race.ts";
import { loadPaths } from "./paths.ts";
import { postNotice, showSharedStream } from "./shared-stream-panel.ts";

usePresentationLayout();

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
    cell(row, path.note.replaceAll("`", ""));
    byId("paths").append(row);
    return [path.name, { first: cell(row, "–"), last: cell(row, "–"), verdict: cell(row, "") }];
  }),
);
byId("race").addEventListener("click", async () => {
  const { id } = (await (
    await fetch("/api/jobs", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: "Why do LLM products stream?" }),
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
              ? `… retrying: open ${path.url} once and accept its certificate`
              : "… retrying: the connection failed";
          },
        );
        row.last.textContent = `${Math.round(result.lastMs)} ms`;
        const lump = result.lastMs - result.firstMs < 0.1 * result.lastMs;
        row.verdict.textContent = lump ? "✗ all at once, at the end" : "✓ token by token";
        row.verdict.className = lump ? "bad" : "good";
      } catch (error) {
        row.verdict.textContent = `✗ ${(error as Error).message}`;
      }
    }),
  );
});

// 2 · Idle timeout: count how often nginx cuts each stream (EventSource reconnects by itself).
byId("idle").addEventListener("click", () => {
  const counts = { "no heartbeat: reconnects": 0, "heartbeat 300 ms: reconnects": 0 };
  const draw = () =>
    renderMetrics(
      byId("idle-metrics"),
      Object.entries(counts).map(([k, v]) => [k, String(v)]),
    );
  for (const [name, key] of [
    ["idle-quiet", "no heartbeat: reconnects"],
    ["idle-heartbeat", "heartbeat 300 ms: reconnects"],
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
        `${name}: open`,
        `${sources.filter((s) => s.readyState === EventSource.OPEN).length} of 7`,
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
