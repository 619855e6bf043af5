case "response.completed": {
  // 💣 The stream ends, but the page never learns what it cost, nor that the model
  //    stopped to call a tool.
  // 🐨 Usage is INSIDE this last event: data.response.usage has input_tokens and
  //    output_tokens. Yield { type: "usage", inputTokens, outputTokens } when it is there.
  // 🐨 Then finish: reason "tool_calls" when data.response.output has an item of type
  //    "function_call", else "stop". `return yield …`: nothing after this event counts.
  return yield { type: "finish", reason: "stop" };
}
