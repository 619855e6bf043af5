// The page's requests to lesson 10's server. Sending starts a run and returns at once;
// reading it is follow-run.ts; Stop is its own request, never a closed connection.
import type { ChatView, ErrorBody, RunStarted, SendBody } from "../protocol.ts";
import { say } from "./page-text.ts";

async function json<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => undefined)) as ErrorBody | undefined;
  throw new Error(body?.error.message ?? say("server-answered", { status: response.status }));
}

const post = (path: string, body: unknown) =>
  fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

export async function loadChat(chatId: string): Promise<ChatView | undefined> {
  const response = await fetch(`/api/chats/${chatId}`, { cache: "no-store" });
  return response.status === 404 ? undefined : json<ChatView>(response);
}

export const sendMessage = async (chatId: string, body: SendBody) =>
  json<RunStarted>(await post(`/api/chats/${chatId}/messages`, body));

export const stopChat = async (chatId: string) =>
  json<{ stopped: string | null }>(await post(`/api/chat/${chatId}/stop`, {}));
