// Tool-call arguments are the one part of an answer the BFF keeps whole (to parse them and
// run the tool), so they are bounded: per call, and for all the calls of one answer. Each
// event is already bounded (the SSE parser's 1 MiB), but a provider can send fragments
// without end; past these the answer ends with `tool_arguments_too_long`.
export const MAX_TOOL_ARGUMENT_CHARS = 64 * 1024;
export const MAX_TOOL_ARGUMENT_CHARS_PER_ANSWER = 256 * 1024;

export function createToolArgumentBudget() {
  const perCall = new Map<string, number>();
  let answer = 0;
  return {
    /** Counts a fragment of call `id`'s arguments; false once either bound is passed. */
    take(id: string, fragment: string): boolean {
      const call = (perCall.get(id) ?? 0) + fragment.length;
      perCall.set(id, call);
      answer += fragment.length;
      return call <= MAX_TOOL_ARGUMENT_CHARS && answer <= MAX_TOOL_ARGUMENT_CHARS_PER_ANSWER;
    },
  };
}
