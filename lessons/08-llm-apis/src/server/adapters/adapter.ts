// One provider's wire format, seen from the BFF: how to ask (with the
// conversation so far, tool calls and results included), and how to read the
// answer as the lesson's one stream (ChatEvent, in ../../protocol.ts).
import type { ChatEvent } from "../../protocol.ts";

/** A conversation as the BFF keeps it: messages, and the tool rounds it ran. */
export type Turn =
  | { role: "user" | "assistant"; content: string }
  | { role: "tool"; id: string; name: string; input: unknown; output: unknown };

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface AskOptions {
  model: string;
  system: string;
  turns: readonly Turn[];
  tools: readonly ToolSpec[];
}

export interface ProviderAdapter {
  /** Path and body relative to the provider's base URL, and its auth headers. */
  request(ask: AskOptions, apiKey: string): { path: string; body: unknown; headers: Record<string, string> };
  /** The answer, normalized. Ends after `finish` (or `error`); throws when the wire breaks its own rules. */
  events(body: ReadableStream<Uint8Array>, maxEventChars: number): AsyncGenerator<ChatEvent>;
}

/** JSON.parse that says which provider sent what, instead of a bare SyntaxError. */
export function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${what}: not JSON: ${text.slice(0, 80)}`);
  }
}

/** A tool call whose arguments are not JSON: the provider's mistake, named precisely (not "the stream broke"). */
export class ToolArgumentsError extends Error {
  override name = "ToolArgumentsError";
}

/** A tool call's arguments, parsed; a ToolArgumentsError when they are not JSON. */
export function parseToolArguments(text: string, tool: string): unknown {
  try {
    return JSON.parse(text || "{}");
  } catch {
    throw new ToolArgumentsError(`${tool}: arguments are not JSON`);
  }
}
