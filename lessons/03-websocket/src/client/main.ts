// Lesson 03's page: a reply streamed over one WebSocket that also carries
// cancel and chat, with reconnection built by hand and shown as it happens.
import "@workshop/page-kit/style.css";
import {
  byId,
  createEventLog,
  formatMs,
  renderMetrics,
  usePageLanguage,
  usePresentationLayout,
} from "@workshop/page-kit";
import { CLOSE_CODES, type ClientMessage, parseMessage, ServerMessage } from "../protocol.ts";
import { createOutbox } from "./outbox.ts";
import { HTML_ZH, MESSAGES, say } from "./page-text.ts";
import { type ConnectionState, createReconnectingSocket } from "./reconnecting-socket.ts";
import { newReply, resumeMessage, track } from "./reply-tracker.ts";

usePresentationLayout(); // compact on a projector, or with ?present (page-kit)
usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const frames = createEventLog(byId("frames"), 16);
const chatLog = createEventLog(byId("chat-log"), 12);
const outbox = createOutbox(10);
let reply = newReply();
let askedAt = 0;
let firstTokenAt: number | undefined;
let countdown: ReturnType<typeof setInterval> | undefined;

const describeClose = (code: number) => CLOSE_CODES[code] ?? "";

function send(message: ClientMessage): boolean {
  const text = JSON.stringify(message);
  const sent = socket.send(text);
  if (sent) frames.add(`→ ${message.type}  ${text.length} B`, "out");
  return sent;
}

function renderState(state: ConnectionState): void {
  const badge = byId("state");
  badge.className = `status ${{ open: "done", connecting: "busy", waiting: "busy", "gave-up": "error", closed: "idle" }[state.status]}`;
  clearInterval(countdown);
  const show = () => {
    const detail =
      state.status === "waiting"
        ? say("retry-in", { attempt: state.attempt, ms: formatMs(Math.max(0, state.retryAt - Date.now())) })
        : state.status === "gave-up"
          ? say("after-attempts", { attempts: state.attempts })
          : "";
    badge.textContent = `${say(state.status)}${detail}`;
  };
  show();
  if (state.status === "waiting") countdown = setInterval(show, 100); // cleared on the next state
  if ("lastClose" in state) {
    const { code, reason } = state.lastClose;
    frames.add(
      say("log-closed", { code, meaning: describeClose(code), reason: reason ? ` (${reason})` : "" }),
      "error",
    );
  }
  byId<HTMLButtonElement>("ask-button").disabled = state.status !== "open"; // refused while offline
}

function renderReply(): void {
  byId("reply").textContent = reply.text;
  renderMetrics(byId("metrics"), [
    [say("first-token"), formatMs(firstTokenAt === undefined ? undefined : firstTokenAt - askedAt)],
    [say("tokens"), String(reply.lastSeq + 1)],
    [say("duplicated-lost"), `${reply.duplicates} / ${reply.gaps}`],
    [say("queued"), String(outbox.size)],
  ]);
}

const socket = createReconnectingSocket({
  url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`,
  onState: renderState,
  onOpen: ({ reconnected }) => {
    frames.add(say(reconnected ? "log-open-again" : "log-open"), "info");
    const resume = reconnected ? resumeMessage(reply) : undefined;
    if (resume) send(resume); // pick up the reply where it broke off
    outbox.flush((text) => send({ type: "chat", text }));
    renderReply();
  },
  onMessage: (text) => {
    const parsed = parseMessage(ServerMessage, text);
    if (!parsed.ok) {
      frames.add(say("log-unreadable", { error: parsed.error.message }), "error");
      return;
    }
    const message = parsed.message;
    if (message.type !== "token" && message.type !== "heartbeat")
      frames.add(`← ${message.type}  ${text.length} B`, "in");
    if (message.type === "token" && message.seq % 10 === 0)
      frames.add(`← token seq ${message.seq}  ${text.length} B`, "in");
    if (message.type === "chat") chatLog.add(`${message.from}: ${message.text}`, "in");
    if (message.type === "error") frames.add(`← error ${message.code}: ${message.message}`, "error");
    if (track(reply, message)) {
      if (message.type === "token") firstTokenAt ??= performance.now();
      renderReply();
    }
  },
});

byId<HTMLFormElement>("ask").addEventListener("submit", (event) => {
  event.preventDefault();
  const prompt = byId<HTMLInputElement>("prompt");
  reply = newReply();
  askedAt = performance.now();
  firstTokenAt = undefined;
  renderReply();
  send({ type: "start", prompt: prompt.value.trim() || prompt.placeholder });
});
byId("cancel").addEventListener("click", () => {
  if (reply.jobId && !reply.done) send({ type: "cancel", jobId: reply.jobId });
});
byId("drop").addEventListener("click", async () => {
  const { dropped } = (await (
    await fetch("/api/debug/drop", { method: "POST", headers: { "X-Workshop-Debug": "1" } })
  ).json()) as {
    dropped: number;
  };
  frames.add(say("log-dropped", { n: dropped }), "out");
});
byId<HTMLFormElement>("chat").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>("chat-text");
  const text = input.value.trim();
  if (!text) return;
  if (!send({ type: "chat", text })) {
    const queued = outbox.push(text);
    chatLog.add(
      queued ? say("chat-queued", { text }) : say("chat-not-sent", { n: outbox.size, text }),
      "error",
    );
  }
  input.value = "";
  renderReply();
});
renderReply();
