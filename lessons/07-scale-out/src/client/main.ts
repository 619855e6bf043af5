// Lesson 07's page: the instances as tiles with a kill switch, and one reply
// followed with EventSource, counting what arrives (lesson 02's tally): after
// a kill, 0 lost and 0 duplicated is the proof that Redis carried the stream.
import "@workshop/page-kit/style.css";
import "./scale-out.css";
import { byId, renderMetrics, usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import { createSeqTally, type Token } from "@workshop/protocol";
import { type InstanceView, JOB_EVENTS } from "../protocol.ts";
import { HTML_ZH, MESSAGES, say } from "./page-text.ts";
import { createReplyView } from "./reply-view.ts";

usePresentationLayout();
usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const tiles = byId("instances");
const reply = byId("reply");
const replyView = createReplyView(reply);
const status = byId("status");
const debug = { "X-Workshop-Debug": "1" }; // the kill switch answers only this page

/**
 * Which instance generates the reply on screen (its lease holder): the one to kill for
 * `interrupted`. Asked only once the job's stream has said who serves it: a lookup sent
 * between the job's start and its stream would take the balancer's next turn, and the
 * stream would then be served by the very instance generating it (so killing "the one
 * serving" would interrupt the reply instead of moving it).
 */
async function ownerOfReply(): Promise<string | undefined> {
  if (!jobId || announced !== jobId) return undefined;
  const job = (await fetch(`/api/jobs/${jobId}`)
    .then((r) => r.json())
    .catch(() => undefined)) as { owner?: string | null } | undefined;
  return job?.owner ?? undefined;
}

async function refreshInstances(): Promise<void> {
  const [body, owner] = await Promise.all([
    fetch("/api/instances").then((r) => r.json()) as Promise<{ instances: InstanceView[] }>,
    ownerOfReply(),
  ]);
  tiles.replaceChildren(
    ...body.instances.map((instance) => {
      const tile = document.createElement("section");
      tile.className = `tile ${instance.up ? "up" : "down"}`;
      const title = document.createElement("h2");
      title.textContent = `${instance.name} · ${say(instance.up ? "up" : "down")}`;
      const connections = document.createElement("p");
      connections.textContent = say("connections", { n: instance.connections });
      // Killing this one interrupts the reply; killing the one serving the stream does not.
      if (instance.name === owner) {
        tile.classList.add("generating");
        connections.textContent += say("generating");
      }
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = say(instance.up ? "kill" : "start", { name: instance.name });
      button.onclick = async () => {
        await fetch(`/api/debug/instances/${instance.name}/${instance.up ? "kill" : "start"}`, {
          method: "POST",
          headers: debug,
        });
        await refreshInstances();
      };
      tile.append(title, connections, button);
      return tile;
    }),
  );
}
let source: EventSource | undefined;
let jobId = "";
/** The job whose stream has announced its instance (its first `served-by`). */
let announced = "";
setInterval(() => void refreshInstances().catch(() => {}), 500);
void refreshInstances().catch(() => {});

function setStatus(text: string, kind: string): void {
  status.textContent = text;
  status.className = `status ${kind}`;
}

/**
 * POST to the API; the job's id, or undefined once the refusal is on screen. A refused
 * start (503 while Redis is down, 429 past a budget) has no id to follow.
 */
async function startJob(url: string, body?: unknown): Promise<string | undefined> {
  const response = await fetch(url, {
    method: "POST",
    ...(body ? { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) } : {}),
  }).catch(() => undefined);
  const answer = (await response?.json().catch(() => undefined)) as
    | { id?: string; error?: { message?: string } }
    | undefined;
  if (response?.ok && answer?.id) return answer.id;
  const why = answer?.error?.message ?? (response ? `HTTP ${response.status}` : say("no-answer"));
  setStatus(say("start-failed", { why }), "error");
  return undefined;
}

byId<HTMLFormElement>("ask").addEventListener("submit", async (event) => {
  event.preventDefault();
  source?.close();
  const input = byId<HTMLInputElement>("prompt");
  const prompt = input.value || input.placeholder; // the placeholder is the question, in the page's language
  const id = await startJob("/api/jobs", { prompt });
  if (!id) return;
  jobId = id;
  follow(jobId);
});

// After `interrupted`: a new generation asked to continue; its text is appended to what we have.
const continueButton = byId<HTMLButtonElement>("continue");
continueButton.addEventListener("click", async () => {
  continueButton.hidden = true;
  const id = await startJob(`/api/jobs/${jobId}/continue`);
  if (!id) {
    continueButton.hidden = false; // the interrupted reply can still be continued later
    return;
  }
  jobId = id;
  replyView.markContinuation(); // not a resume: a new generation, asked for the rest
  follow(jobId, { keepText: true });
});

byId("cancel").addEventListener("click", () => {
  if (jobId) void fetch(`/api/jobs/${jobId}/cancel`, { method: "POST" });
});

function follow(id: string, { keepText = false } = {}): void {
  if (!keepText) replyView.clear();
  reply.dataset.job = id; // which job this is (DevTools, and the tests)
  const tally = createSeqTally();
  const servedBy: string[] = [];
  let connections = 0;
  const show = () =>
    renderMetrics(byId("metrics"), [
      [say("tokens"), String(tally.unique)],
      [say("duplicated"), String(tally.duplicates)],
      [say("missing"), String(tally.gaps)],
      [say("served-by"), servedBy.join(" → ") || "–"],
      [say("metric-connections"), String(connections)],
    ]);
  source = new EventSource(`/api/jobs/${id}/events`);
  source.onopen = () => {
    connections++;
    setStatus(say("streaming"), "live");
    show();
  };
  // EventSource retries a dropped stream by itself (readyState CONNECTING), but gives up for
  // good on an answer that is not a 200 event stream (429, 5xx, 404): readyState CLOSED
  // (HTML spec, "fail the connection"). Then nothing more will come, and the page says so.
  const stream = source;
  stream.onerror = () => {
    if (stream.readyState === EventSource.CLOSED) setStatus(say("refused"), "error");
    else setStatus(say("reconnecting"), "warn");
  };
  source.addEventListener(JOB_EVENTS.servedBy, (event) => {
    announced = id;
    servedBy.push(event.data);
    show();
  });
  source.addEventListener("token", (event) => {
    const token = JSON.parse(event.data) as Token;
    if (tally.add(token.seq)) replyView.append(token.text);
    show();
  });
  source.addEventListener("done", (event) => {
    source?.close(); // the end, not a drop: do not reconnect
    replyView.flush();
    setStatus(say("done", { reason: (JSON.parse(event.data) as { reason: string }).reason }), "done");
  });
  source.addEventListener(JOB_EVENTS.interrupted, () => {
    source?.close();
    replyView.flush();
    setStatus(say("interrupted"), "warn");
    continueButton.hidden = false;
  });
}
