// One question, as many model calls as its tool calls need: call the
// provider, forward its events as the lesson's one stream, run the tools it
// asked for here on the server, and call it again with their results.
import type { ChatEvent, Provider } from "../protocol.ts";
import { ToolArgumentsError, type Turn } from "./adapters/adapter.ts";
import { ADAPTERS } from "./adapters/index.ts";
import { teeMockWire } from "./mock-wire.ts";
import { createToolArgumentBudget, MAX_TOOL_ARGUMENT_CHARS } from "./tool-argument-budget.ts";
import { runTool, TOOLS } from "./tools.ts";
import type { Upstream } from "./upstreams.ts";

export const SYSTEM_PROMPT = "You are a helpful assistant. Use the tools when they help. Answer concisely.";
const MAX_TOOL_ROUNDS = 3;
const MAX_EVENT_CHARS = 1 << 20;
/** A provider's error code may be shown; its message may not (it can quote the request, or a key). */
const publicCode = (code: string) => (/^[a-z][a-z0-9_]{0,39}$/i.test(code) ? code : "upstream_failed");

export interface Conversation {
  provider: Provider;
  upstream: Upstream;
  /** The conversation so far (not changed: the tool rounds are added to a copy). */
  turns: readonly Turn[];
  send: (event: ChatEvent) => void;
  /** Stop, or the page gone. */
  signal: AbortSignal;
  /** Silence from the provider (before headers, or between events) that ends the answer. */
  idleTimeoutMs?: number;
}

export async function converse({
  provider,
  upstream,
  turns: asked,
  send,
  signal,
  idleTimeoutMs = 30_000,
}: Conversation): Promise<void> {
  const adapter = ADAPTERS[provider];
  const turns = [...asked]; // this answer's tool rounds are added here
  const argumentBudget = createToolArgumentBudget(); // every tool call of this answer, all rounds
  // A provider that goes silent (no headers, or no event for idleTimeoutMs) is given up on:
  // never a hung connection on either side.
  const idle = new AbortController();
  let timer = setTimeout(() => idle.abort(), idleTimeoutMs);
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), idleTimeoutMs);
  };

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
      // The mock's own wire, for the page's left pane. Never for a real provider.
      const { body: stream, done: wire } = upstream.mock
        ? teeMockWire(response.body, send, MAX_EVENT_CHARS)
        : { body: response.body, done: Promise.resolve() };
      // #region forward-events
      const calls: Extract<ChatEvent, { type: "tool-call-end" }>[] = [];
      let finish = "stop";
      for await (const event of adapter.events(stream, MAX_EVENT_CHARS)) {
        heard();
        if (event.type === "tool-call-delta" && !argumentBudget.take(event.id, event.delta)) {
          await wire;
          // Leaving the loop closes the provider's stream: nothing more is read or kept.
          return send({
            type: "error",
            code: "tool_arguments_too_long",
            message: `Tool arguments passed the bound (${MAX_TOOL_ARGUMENT_CHARS} characters a call).`,
          });
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
}
