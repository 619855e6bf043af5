// Lesson 08's page: choose a provider, ask, and watch both the provider's
// wire and the one stream the BFF makes of it.
import "@workshop/page-kit/style.css";
import "./apis.css";
import { byId, usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent, ChatRequest, Provider } from "../protocol.ts";
import { createAnswerView } from "./answer-view.ts";
import { messagesToSend } from "./conversation.ts";
import { HTML_ZH, MESSAGES, say } from "./page-text.ts";
import { createWireView } from "./wire-view.ts";

usePresentationLayout();
usePageLanguage(HTML_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

const form = byId<HTMLFormElement>("composer");
const input = byId<HTMLInputElement>("input");
const provider = byId<HTMLSelectElement>("provider");
const send = byId<HTMLButtonElement>("send");
const stop = byId<HTMLButtonElement>("stop");
const messages = byId("messages");
const wire = createWireView(byId("wire"), byId("wire-count"));
const history: ChatRequest["messages"] = [];
let controller: AbortController | undefined;

async function ask(content: string): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  wire.clear();
  const question = document.createElement("div");
  question.className = "message user";
  question.textContent = content;
  messages.append(question);
  const view = createAnswerView(messages, provider.selectedOptions[0]?.textContent ?? provider.value);
  history.push({ role: "user", content });
  send.disabled = true;
  stop.hidden = false;
  let answer = "";
  try {
    const request: ChatRequest = { provider: provider.value as Provider, messages: messagesToSend(history) };
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      return view.show({ type: "error", code: String(response.status), message: body.error?.message ?? "" });
    }
    for await (const event of readSseEvents(response.body)) {
      const chatEvent = JSON.parse(event.data) as ChatEvent;
      if (chatEvent.type === "wire") wire.add(chatEvent.event, chatEvent.data);
      else view.show(chatEvent);
      if (chatEvent.type === "text") answer += chatEvent.delta;
    }
  } catch (error) {
    if (!controller.signal.aborted) view.show({ type: "error", code: "network", message: String(error) });
    else view.show({ type: "finish", reason: "stopped by you (no usage: it only comes at the end)" });
  } finally {
    view.flush();
    if (answer) history.push({ role: "assistant", content: answer });
    send.disabled = false;
    stop.hidden = true;
    messages.scrollTop = messages.scrollHeight;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const content = input.value.trim();
  if (content) void ask(content);
});
stop.addEventListener("click", () => controller?.abort()); // aborts the BFF, which aborts the provider
byId("new-chat").addEventListener("click", () => {
  controller?.abort();
  history.length = 0; // the next question starts a conversation of its own
  messages.replaceChildren();
  wire.clear();
});

// This lesson's DashScope path streams text only: its buttons would quietly give a plain answer.
const suggestions = [...byId("suggestions").querySelectorAll("button")];
const TEXT_ONLY = say("text-only");
const showWhatTheProviderCan = () => {
  const textOnly = provider.value === "dashscope";
  for (const button of suggestions) {
    button.disabled = textOnly;
    button.title = textOnly ? TEXT_ONLY : "";
  }
  byId("text-only").hidden = !textOnly;
};
provider.addEventListener("change", showWhatTheProviderCan);
showWhatTheProviderCan();
byId("suggestions").addEventListener("click", (event) => {
  const prompt = (event.target as HTMLElement).closest("button")?.dataset.prompt;
  if (!prompt) return;
  input.value = prompt;
  void ask(prompt);
});
