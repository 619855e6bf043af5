// Lesson 04's page: a chat that streams answers over fetch() + ReadableStream.
import "@workshop/page-kit/style.css";
import { byId, usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import "./chat.css";
import type { ChatMessage } from "@workshop/protocol";
import type { ChatRequest, ModelList } from "../protocol.ts";
import { ChatError, streamChat } from "./chat-stream.ts";
import { createAnswerMetrics } from "./metrics.ts";
import { HTML_ZH, MESSAGES, say } from "./page-text.ts";
import { createStreamingView } from "./streaming-view.ts";

usePresentationLayout(); // compact on a projector, or with ?present (page-kit)
usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const messages = byId("messages");
const input = byId<HTMLTextAreaElement>("input");
const sendButton = byId<HTMLButtonElement>("send");
const stopButton = byId<HTMLButtonElement>("stop");
const regenerateButton = byId<HTMLButtonElement>("regenerate");
const modelSelect = byId<HTMLSelectElement>("model");

/** The conversation so far: sent whole with every request (the server keeps no history). */
const history: ChatRequest["messages"] = [];
let controller: AbortController | undefined;

function addMessage(role: ChatMessage["role"], text = ""): HTMLElement {
  const element = document.createElement("div");
  element.className = `message ${role}`;
  const body = document.createElement("div");
  body.className = "body";
  body.textContent = text; // the user's own words, as text
  element.append(body);
  messages.append(element);
  messages.scrollTop = messages.scrollHeight;
  return element;
}

function setStreaming(streaming: boolean): void {
  input.disabled = streaming;
  sendButton.disabled = streaming;
  stopButton.hidden = !streaming;
  regenerateButton.disabled = streaming || history.at(-1)?.role !== "assistant";
  if (!streaming) input.focus();
}

// #region answer
async function answer(): Promise<void> {
  const element = addMessage("assistant");
  const view = createStreamingView(element.querySelector(".body") as HTMLElement, messages);
  const metrics = createAnswerMetrics();
  controller = new AbortController();
  setStreaming(true);
  let note = "";
  try {
    const model = modelSelect.hidden ? undefined : modelSelect.value;
    for await (const delta of streamChat({ messages: history, model }, controller.signal)) {
      metrics.token();
      view.append(delta);
    }
  } catch (error) {
    if (controller.signal.aborted) note = say("stopped");
    else {
      const problem = document.createElement("p");
      problem.className = "error";
      problem.textContent = error instanceof ChatError ? `${error.code}: ${error.message}` : String(error);
      element.append(problem); // shown as an error, never mixed into the answer
    }
  }
  view.finish(note);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = metrics.summary();
  element.append(meta);
  if (view.text) history.push({ role: "assistant", content: view.text });
  controller = undefined;
  setStreaming(false);
}
// #endregion

function send(): void {
  const text = input.value.trim();
  if (!text || controller) return;
  input.value = "";
  history.push({ role: "user", content: text });
  addMessage("user", text);
  void answer();
}

input.addEventListener("keydown", (event) => {
  // Enter sends; Shift+Enter is a new line; composing CJK text with an IME is neither.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
});
byId<HTMLFormElement>("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  send();
});
stopButton.addEventListener("click", () => controller?.abort());
regenerateButton.addEventListener("click", () => {
  if (controller || history.at(-1)?.role !== "assistant") return;
  history.pop(); // forget the last answer, ask again (only when the user asks for it)
  messages.lastElementChild?.remove();
  void answer();
});
setStreaming(false);

/** The server owns the models: the page offers the ones GET /api/models lists, if more than one. */
async function loadModels(): Promise<void> {
  const list = (await (await fetch("/api/models")).json()) as ModelList;
  if (list.models.length < 2) return;
  for (const name of list.models) modelSelect.add(new Option(name, name, false, name === list.default));
  modelSelect.hidden = false;
}
void loadModels();
