// One question, as many model calls as its tool calls need: call the
// provider, forward its events as the lesson's one stream, run the tools it
// asked for here on the server, and call it again with their results.
import { readSseEvents } from "@workshop/protocol";
import type { ChatEvent, Provider } from "../protocol.ts";
import { ToolArgumentsError, type Turn } from "./adapters/adapter.ts";
import { ADAPTERS } from "./adapters/index.ts";
import { runTool, TOOLS } from "./tools.ts";
import type { Upstream } from "./upstreams.ts";

export const SYSTEM_PROMPT = "You are a helpful assistant. Use the tools when they help. Answer concisely.";
const MAX_TOOL_ROUNDS = 3;
const MAX_EVENT_CHARS = 1 << 20;
/**
 * Tool-call arguments the BFF keeps and forwards: per call, and for all the calls of one
 * answer. Each event is already bounded (MAX_EVENT_CHARS), but a provider can send
 * fragments without end; past these the answer ends with `tool_arguments_too_long`.
 */
export const MAX_TOOL_ARGUMENT_CHARS = 64 * 1024;
export const MAX_TOOL_ARGUMENT_CHARS_PER_ANSWER = 256 * 1024;
/** A provider's error code may be shown; its message may not (it can quote the request, or a key). */
const publicCode = (code: string) => (/^[a-z][a-z0-9_]{0,39}$/i.test(code) ? code : "upstream_failed");

export async function converse(
  provider: Provider,
  upstream: Upstream,
  turns: Turn[],
  send: (event: ChatEvent) => void,
  signal: AbortSignal,
  idleTimeoutMs = 30_000,
): Promise<void> {
  const adapter = ADAPTERS[provider];
  let answerArgumentChars = 0; // every tool call's arguments in this answer, all rounds
  // A provider that goes silent (no headers, or no event for idleTimeoutMs) is given up on:
  // never a hung connection on either side.
  const idle = new AbortController();
  let timer = setTimeout(() => idle.abort(), idleTimeoutMs);
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), idleTimeoutMs);
  };
  try {
    await rounds();
  } catch (error) {
    if (error instanceof ToolArgumentsError)
      return send({
        type: "error",
        code: "bad_tool_arguments",
        message: "The provider asked for a tool with arguments that are not JSON.",
      });
    if (!idle.signal.aborted) throw error;
    send({
      type: "error",
      code: "upstream_timeout",
      message: `The provider said nothing for ${idleTimeoutMs} ms.`,
    });
  } finally {
    clearTimeout(timer);
  }

  async function rounds(): Promise<void> {
    for (let round = 0; round < MAX_TOOL_ROUNDS; round++) {
      // #region ask-provider
      const { path, body, headers } = adapter.request(
        { model: upstream.model, system: SYSTEM_PROMPT, turns, tools: TOOLS },
        upstream.apiKey,
      );
      const response = await fetch(`${upstream.baseUrl}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
        // Stop or the page gone: the provider stops generating (and billing).
        signal: AbortSignal.any([signal, idle.signal]),
      });
      heard();
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return send({
          type: "error",
          code: "upstream_unavailable",
          message: `The provider answered ${response.status}.`,
        });
      }
      // #endregion
      let stream = response.body;
      let wire: Promise<void> = Promise.resolve();
      if (upstream.mock) {
        // The mock's own wire, for the page's left pane. Never for a real provider.
        const [forAdapter, forWire] = stream.tee();
        stream = forAdapter;
        wire = (async () => {
          for await (const event of readSseEvents(forWire, { maxBufferSize: MAX_EVENT_CHARS }))
            send({ type: "wire", event: event.type, data: event.data.slice(0, 2000) });
        })().catch(() => {});
      }
      // #region forward-events
      const calls: Extract<ChatEvent, { type: "tool-call-end" }>[] = [];
      const argumentChars = new Map<string, number>();
      let finish = "stop";
      for await (const event of adapter.events(stream, MAX_EVENT_CHARS)) {
        heard();
        if (event.type === "tool-call-delta") {
          const chars = (argumentChars.get(event.id) ?? 0) + event.delta.length;
          argumentChars.set(event.id, chars);
          answerArgumentChars += event.delta.length;
          if (chars > MAX_TOOL_ARGUMENT_CHARS || answerArgumentChars > MAX_TOOL_ARGUMENT_CHARS_PER_ANSWER) {
            await wire;
            // Leaving the loop closes the provider's stream: nothing more is read or kept.
            return send({
              type: "error",
              code: "tool_arguments_too_long",
              message: `A tool call's arguments passed ${MAX_TOOL_ARGUMENT_CHARS} characters, or one answer's ${MAX_TOOL_ARGUMENT_CHARS_PER_ANSWER}.`,
            });
          }
        }
        if (event.type === "finish") finish = event.reason;
        else if (event.type === "error") {
          await wire;
          return send({
            type: "error",
            code: publicCode(event.code),
            message: "The provider failed mid-answer.",
          });
        } else {
          if (event.type === "tool-call-end") calls.push(event);
          send(event);
        }
      }
      await wire;
      if (calls.length === 0) return send({ type: "finish", reason: finish });
      for (const call of calls) {
        const output = runTool(call.name, call.input); // here, on the server, never in the page
        send({ type: "tool-result", id: call.id, output });
        turns.push({ role: "tool", id: call.id, name: call.name, input: call.input, output });
      }
      // #endregion
    }
    send({ type: "finish", reason: "max_tool_rounds" });
  }
}
