// Lesson 02's page: a reply over EventSource with live connection state and
// a drop button to watch it resume; plus the classic clock and broadcast
// notices, each in its own file.
import "@workshop/page-kit/style.css";
import {
  byId,
  createEventLog,
  formatMs,
  renderMetrics,
  usePageLanguage,
  usePresentationLayout,
} from "@workshop/page-kit";
import type { Token } from "@workshop/protocol";
import { addClockToggle } from "./clock-demo.ts";
import { followJob, type ReadyState } from "./follow-job.ts";
import { followTutorial } from "./follow-tutorial.ts";
import { showNotices } from "./notices-demo.ts";
import { HTML_ZH, MESSAGES } from "./page-text.ts";
import { createReplyStats, type ReplyStats, recordToken } from "./reply-stats.ts";

usePresentationLayout(); // compact on a projector, or with ?present (page-kit)
const { say } = usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const reply = byId("reply");
const state = byId("state");
const metrics = byId("metrics");
const log = createEventLog(byId("log"), 14);
const prompt = byId<HTMLInputElement>("prompt");
const tutorialMode = byId<HTMLInputElement>("tutorial");

let stats: ReplyStats = createReplyStats(0);
let current: { close(): void } | undefined;

function render(readyState?: ReadyState): void {
  if (readyState) {
    state.textContent = readyState;
    state.className = `status ${readyState === "OPEN" ? "done" : readyState === "CONNECTING" ? "busy" : "idle"}`;
  }
  const since = (t?: number) => (t === undefined ? undefined : t - stats.startedAt);
  renderMetrics(metrics, [
    [say("first-token"), formatMs(since(stats.firstTokenAt))],
    [say("total"), formatMs(since(stats.finishedAt))],
    [say("tokens"), String(stats.tokens)],
    [say("reconnects"), String(stats.reconnects)],
    ["Last-Event-ID", stats.lastEventId || "–"],
    [say("duplicates"), String(stats.duplicates)],
  ]);
}

function onToken(text: string, seq?: number): void {
  recordToken(stats, performance.now(), seq);
  reply.textContent += text; // text, never markup
  render();
}

async function ask(): Promise<void> {
  current?.close();
  reply.textContent = "";
  log.clear();
  stats = createReplyStats(performance.now());
  const question = prompt.value.trim() || prompt.placeholder;

  if (tutorialMode.checked) {
    log.add(say("log-tutorial"), "out");
    current = followTutorial(`/api/tutorial/stream?prompt=${encodeURIComponent(question)}`, onToken, () => {
      stats.reconnects++;
      log.add(say("log-starts-over"), "error");
      render();
    });
    render("CONNECTING");
    return;
  }

  const response = await fetch("/api/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ prompt: question }),
  });
  if (!response.ok) {
    log.add(`POST /api/jobs → ${response.status}`, "error");
    return;
  }
  const { id } = (await response.json()) as { id: string };
  log.add(say("log-job", { id: id.slice(0, 8) }), "out");
  current = followJob(`/api/jobs/${id}/events`, {
    onToken: (token: Token, lastEventId) => {
      stats.lastEventId = lastEventId;
      log.add(`id: ${lastEventId}  event: token  ${JSON.stringify(token.text)}`, "in");
      onToken(token.text, token.seq);
    },
    onDone: (done) => {
      stats.finishedAt = performance.now();
      log.add(say("log-done", { tokens: done.tokens }), "in");
      render();
    },
    onState: (readyState, reconnects) => {
      if (reconnects > stats.reconnects) log.add(say("log-resumed", { id: stats.lastEventId }), "info");
      else if (readyState === "CONNECTING" && stats.tokens > 0) log.add(say("log-lost"), "error");
      stats.reconnects = reconnects;
      render(readyState);
    },
  });
}

byId<HTMLFormElement>("ask").addEventListener("submit", (event) => {
  event.preventDefault();
  void ask();
});
byId("stop").addEventListener("click", () => {
  current?.close();
  log.add(say("log-stopped"), "info");
});
byId("drop").addEventListener("click", async () => {
  const response = await fetch("/api/debug/drop", { method: "POST", headers: { "X-Workshop-Debug": "1" } });
  const { dropped } = (await response.json()) as { dropped: number };
  log.add(say("log-dropped", { n: dropped }), "out");
});

addClockToggle(byId<HTMLButtonElement>("clock-toggle"), byId("clock"), {
  start: say("start-clock"),
  stop: say("stop-clock"),
});
showNotices({
  connections: byId("connections"),
  list: byId("notices"),
  form: byId<HTMLFormElement>("notify"),
  input: byId<HTMLInputElement>("notice"),
});

render("CLOSED");
