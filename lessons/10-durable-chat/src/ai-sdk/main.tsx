// The AI SDK page: the chat id from the address (shared with the hand-written page), the
// branch the server keeps, then useChat takes over.
import "@workshop/page-kit/style.css";
import "../client/durable-chat.css";
import { usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import { createRoot } from "react-dom/client";
import { AI_SDK_HTML_ZH, AI_SDK_MESSAGES } from "../client/page-text.ts";
import type { ChatView } from "../protocol.ts";
import { App } from "./App.tsx";
import { initialMessages } from "./initial-messages.ts";

// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's layout switch, not a React hook
usePresentationLayout();
// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's language switch, not a React hook
usePageLanguage(AI_SDK_HTML_ZH, AI_SDK_MESSAGES); // 中文 with ?lang=zh: the page's text is App's, from this catalogue
const url = new URL(location.href);
const chatId = url.searchParams.get("chat") ?? crypto.randomUUID();
if (!url.searchParams.has("chat")) {
  url.searchParams.set("chat", chatId);
  history.replaceState(null, "", url);
}
// The server down: start empty and let useChat say what fails, rather than a blank page.
const response = await fetch(`/api/chats/${chatId}`, { cache: "no-store" }).catch(() => undefined);
const view = response?.ok ? ((await response.json()) as ChatView) : undefined;
const root = document.getElementById("root");
if (root) createRoot(root).render(<App chatId={chatId} initial={initialMessages(view)} />);
