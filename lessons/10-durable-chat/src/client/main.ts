// Lesson 10's page: a chat whose answer survives a reload, a second tab, a sleeping
// phone and a dropped network. The chat id is in the URL; this tab's place in the answer
// is in sessionStorage; the answer itself is the server's run, read from an offset.
import "@workshop/page-kit/style.css";
import "./durable-chat.css";
import { byId, usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import type { ChatView, EndData, MessageView } from "../protocol.ts";
import { branchThrough, siblingsOf } from "./branches.ts";
import { loadChat, sendMessage, stopChat } from "./chat-api.ts";
import { type Following, followRun } from "./follow-run.ts";
import { forgetProgress, keepProgress, keptProgress } from "./kept-progress.ts";
import { HTML_ZH, isEnd, MESSAGES, say } from "./page-text.ts";

// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's layout switch, not a React hook
usePresentationLayout();
// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's language switch, not a React hook
usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const list = byId("messages");
const status = byId("status");
const tally = byId("tally");
const input = byId<HTMLInputElement>("input");
const stopButton = byId<HTMLButtonElement>("stop");
const sendButton = byId<HTMLButtonElement>("send");
// The question Send asks, in the page's language (the mock LLM answers a Chinese one in Chinese);
// as the default only, so a value the browser restored, or the reader typed, stays.
input.defaultValue = say("question");

// #region chat-in-url
const url = new URL(location.href);
const chatId = url.searchParams.get("chat") ?? crypto.randomUUID();
if (!url.searchParams.has("chat")) {
  url.searchParams.set("chat", chatId);
  history.replaceState(null, "", url); // a reload, or this address in a second tab, opens the same chat
}
// #endregion
byId<HTMLAnchorElement>("ai-sdk-link").href = `/ai-sdk/?chat=${encodeURIComponent(chatId)}`; // the same chat there

let view: ChatView = { id: chatId, messages: [], branch: [], activeRun: null };
let shown: MessageView[] = [];
let following: Following | undefined;
/** Runs the server said are gone (404): not read again. */
const gone = new Set<string>();
/** Offsets received for the answer being read, to show "0 gaps, 0 repeats" as proof. */
let received = { from: -1, count: 0, gaps: 0, repeats: 0, last: -1 };

function setStatus(text: string, state: string): void {
  status.textContent = text;
  status.className = `status ${state}`;
}

function showTally(): void {
  tally.textContent =
    received.count === 0 && received.from < 0
      ? ""
      : say("tally", {
          from: received.from + 1,
          count: received.count,
          gaps: received.gaps,
          repeats: received.repeats,
        });
}

// #region render
function render(): void {
  const leafId = view.branch.at(-1);
  const leaf = view.messages.find((m) => m.id === leafId);
  shown = leaf ? branchThrough(view.messages, leaf) : [];
  list.replaceChildren(...shown.map(renderMessage));
  const busy = view.activeRun !== null;
  stopButton.hidden = !busy;
  sendButton.disabled = busy;
}

function renderMessage(message: MessageView): HTMLElement {
  const item = document.createElement("article");
  item.className = `message ${message.role} ${message.status}`;
  item.dataset.id = message.id;
  const text = document.createElement("p");
  text.className = "text";
  text.textContent = message.text; // model output as text, never as HTML
  item.append(text);
  if (message.role === "assistant") item.append(answerFooter(message));
  return item;
}

function answerFooter(message: MessageView): HTMLElement {
  const footer = document.createElement("footer");
  const versions = siblingsOf(view.messages, message);
  if (versions.length > 1) {
    const index = versions.findIndex((v) => v.id === message.id);
    const step = (by: number, label: string, name: string) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secondary version";
      button.textContent = label;
      button.setAttribute("aria-label", name);
      const target = versions[index + by];
      button.disabled = !target || view.activeRun !== null;
      button.onclick = () => {
        if (!target) return;
        view.branch = branchThrough(view.messages, target).map((m) => m.id);
        tally.textContent = ""; // it described the answer read last, not this version
        render();
      };
      return button;
    };
    const where = document.createElement("span");
    where.className = "versions";
    where.textContent = `${index + 1} / ${versions.length}`;
    footer.append(step(-1, "‹", say("previous-version")), where, step(1, "›", say("next-version")));
  }
  const state = document.createElement("span");
  state.className = "answer-status";
  state.textContent = message.status === "streaming" ? "…" : describe(message);
  footer.append(state);
  if (message.status !== "streaming" && message.id === shown.at(-1)?.id) {
    const again = document.createElement("button");
    again.type = "button";
    again.className = "secondary";
    again.textContent = say("regenerate");
    again.disabled = view.activeRun !== null;
    again.onclick = () => void start({ regenerate: message.parentId ?? "" });
    footer.append(again);
  }
  return footer;
}
// #endregion

function describe(message: MessageView): string {
  const tokens = message.tokens === undefined ? "" : say("answer-tokens", { n: message.tokens });
  return `${isEnd(message.status) ? say(message.status) : message.status}${tokens}`;
}

// #region read-answer
/** Reads the active run into its answer, from what this tab kept (after a reload) or from the start. */
function readActiveRun(): void {
  const active = view.activeRun;
  following?.leave();
  following = undefined;
  if (!active) return;
  if (gone.has(active.runId)) {
    setStatus(say("run-gone"), "stopped");
    return;
  }
  const kept = keptProgress(chatId);
  const resumeFrom = kept?.runId === active.runId ? kept : undefined;
  let text = resumeFrom?.text ?? "";
  received = {
    from: resumeFrom?.offset ?? -1,
    count: 0,
    gaps: 0,
    repeats: 0,
    last: resumeFrom?.offset ?? -1,
  };
  const answerText = () => list.querySelector(`[data-id="${active.messageId}"] .text`);
  const answer = answerText();
  if (answer) answer.textContent = text;
  following = followRun(active.runId, resumeFrom?.offset ?? -1, {
    onRepeat() {
      received.repeats++; // a token this tab had, sent again: dropped, and counted here as proof
      showTally();
    },
    onGone() {
      // The run is not there any more (it expired): what the chat keeps is the answer. Never
      // read it again from this tab, even if the chat still names it (it would only fail again).
      gone.add(active.runId);
      forgetProgress(chatId);
      following = undefined;
      void refresh();
    },
    onToken(token, offset) {
      if (offset > received.last + 1) received.gaps++;
      received.last = offset;
      received.count++;
      text += token;
      keepProgress(chatId, { runId: active.runId, messageId: active.messageId, offset, text });
      const target = answerText();
      if (target) {
        target.textContent = text;
        target.scrollIntoView({ block: "end" }); // the answer being written stays on screen
      }
      showTally();
    },
    onEnd(end) {
      forgetProgress(chatId);
      finished(active.messageId, text, end);
    },
    onState(state) {
      if (state === "reading") setStatus(say("reading"), "streaming");
      else setStatus(say(navigator.onLine ? "connection-lost" : "offline"), "waiting");
    },
  });
}
// #endregion

/**
 * The run ended: the answer is what this tab read, with the reason the log gave. Shown from
 * here, not reloaded: the server may not have written its copy into the chat yet.
 */
function finished(messageId: string, text: string, end: EndData): void {
  following = undefined;
  const answer = view.messages.find((m) => m.id === messageId);
  if (answer) Object.assign(answer, { text, status: end.reason, tokens: end.tokens });
  view.activeRun = null;
  render();
  const reason = isEnd(end.reason) ? say(`reason-${end.reason}`) : end.reason;
  setStatus(say("ended", { reason, tokens: end.tokens }), end.reason === "complete" ? "done" : "stopped");
}

async function refresh(): Promise<void> {
  const loaded = await loadChat(chatId).catch((error: Error) => {
    setStatus(say("load-failed", { why: error.message }), "error");
    return null;
  });
  if (loaded === null) return; // the view stays as it was; the next visit or send looks again
  view = loaded ?? { id: chatId, messages: [], branch: [], activeRun: null };
  if (!view.activeRun) forgetProgress(chatId);
  render();
  readActiveRun();
  if (!view.activeRun) setStatus(say(view.messages.length ? "idle" : "idle-empty"), "idle");
}

/** A message that was sent but not confirmed: sent again, it keeps its id, so it is one message. */
let unconfirmed: { id: string; text: string; parentId: string | null } | undefined;

async function start(body: Parameters<typeof sendMessage>[1]): Promise<void> {
  let failed: Error | undefined;
  try {
    await sendMessage(chatId, body);
    unconfirmed = undefined;
  } catch (error) {
    failed = error as Error;
    if ("text" in body) input.value = body.text; // nothing typed is lost
  }
  // Sent or not, look: the request may have reached the server (and started the answer)
  // even if its answer was lost on the way back, or another tab's answer may be running.
  await refresh();
  if (failed) setStatus(say("send-failed", { why: failed.message }), "error");
}

byId<HTMLFormElement>("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || view.activeRun) return;
  input.value = "";
  // The id is made once per message: the same text sent again after a failure keeps it, so
  // the server answers it once however many times it arrived.
  const parentId = shown.at(-1)?.id ?? null;
  if (unconfirmed?.text !== text || unconfirmed.parentId !== parentId)
    unconfirmed = { id: crypto.randomUUID(), text, parentId };
  void start(unconfirmed);
});

// #region stop-button
stopButton.addEventListener("click", () => {
  // Stop is a request of its own: closing the stream would only stop this tab reading.
  void stopChat(chatId).catch((error: Error) => setStatus(error.message, "error"));
});
// #endregion

byId("new-chat").addEventListener("click", () => {
  location.assign(`${location.pathname}?chat=${crypto.randomUUID()}`);
});

// #region page-lifecycle
// Leaving for the back/forward cache: let the connection go (a page holding one may not be
// cached); coming back (`pageshow`), read again from the kept offset.
addEventListener("pagehide", () => following?.leave());
addEventListener("pageshow", (event) => {
  if (event.persisted) void refresh();
});
// Offline, the connection may hang without ever failing: let it go, so the page says it waits,
// and follow-run reads on from the last offset on `online`.
addEventListener("offline", () => following?.resume());
// Another tab may have sent, regenerated or stopped: look again when this one is shown.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && !following) void refresh();
});
// #endregion

void refresh();
