// What a mock upstream says to a conversation, before any wire format: a
// sequence of steps (thinking, a tool call whose arguments arrive in pieces,
// answer text, a failure), paced by the shared mock LLM. Each format file
// in this folder writes the same steps in its provider's own framing, so the
// five streams differ only where the formats differ.
import type { MockLlm } from "@workshop/mock-llm";
import { PROMPTS } from "../../protocol.ts";

/** What the mock reads from any provider's request. */
export interface Conversation {
  /** The latest user message's text. */
  lastUser: string;
  /** Set when the request carries a tool's result: the model now answers with it. */
  toolOutput?: unknown;
  /** Characters in all messages: the mock's input token count is this / 4. */
  chars: number;
}

export type Step =
  | { kind: "reasoning"; delta: string }
  | { kind: "tool-start"; id: string; name: string }
  | { kind: "tool-args"; delta: string }
  | { kind: "tool-end"; id: string; name: string; input: Record<string, unknown> }
  | { kind: "text"; delta: string }
  /** The provider fails mid-stream (Anthropic: overloaded_error). */
  | { kind: "fail"; message: string }
  /** An event type this client has never seen: it must be ignored. */
  | { kind: "unknown" };

const REASONING = "The user asks why. Streaming matters because of time to first token; answer briefly.";

/** The cities the weather tool knows, as a class in China types them. */
const CHINESE_CITIES: Record<string, string> = { 杭州: "Hangzhou", 北京: "Beijing", 上海: "Shanghai" };

/** Which tool the model "decides" to call for this prompt, if any. */
function toolFor(prompt: string): { name: string; input: Record<string, unknown> } | undefined {
  const chinese = /(杭州|北京|上海).*天气/.exec(prompt)?.[1];
  if (chinese) return { name: "get_weather", input: { city: CHINESE_CITIES[chinese] } };
  const city = /weather in (\w+)/i.exec(prompt)?.[1];
  if (city) return { name: "get_weather", input: { city } };
  const expression = /^calc:\s*(.+)$/i.exec(prompt)?.[1];
  if (expression) return { name: "calculator", input: { expression } };
  return undefined;
}

export async function* planSteps(
  llm: MockLlm,
  conversation: Conversation,
  signal: AbortSignal,
): AsyncGenerator<Step> {
  const prompt = conversation.lastUser;
  if (prompt.startsWith("surprise:")) yield { kind: "unknown" };
  if (conversation.toolOutput !== undefined) {
    const answer = `The tool says: ${JSON.stringify(conversation.toolOutput)}.`;
    for await (const delta of llm.generate(`echo: ${answer}`, { signal })) yield { kind: "text", delta };
    return;
  }
  if (prompt.startsWith(PROMPTS.reasoning.split(" ")[0] as string))
    for await (const delta of llm.generate(`echo: ${REASONING}`, { signal }))
      yield { kind: "reasoning", delta };
  const tool = toolFor(prompt);
  if (tool) {
    const id = `call_${tool.name}_1`;
    yield { kind: "tool-start", id, name: tool.name };
    // The arguments are JSON text, written a few characters at a time, like a model's tokens.
    for await (const delta of llm.generate(`echo: ${JSON.stringify(tool.input)}`, { signal }))
      yield { kind: "tool-args", delta };
    yield { kind: "tool-end", id, ...tool };
    return;
  }
  const question = prompt.replace(/^(think|surprise|fail):\s*/, "");
  let sent = 0;
  for await (const delta of llm.generate(question, { signal })) {
    yield { kind: "text", delta };
    if (prompt.startsWith("fail:") && ++sent === 3) {
      yield { kind: "fail", message: "Overloaded" };
      return;
    }
  }
}

/** Output tokens, as the mock counts them: one per step that carried text. */
export const countsAsToken = (step: Step) =>
  step.kind === "text" || step.kind === "reasoning" || step.kind === "tool-args";
