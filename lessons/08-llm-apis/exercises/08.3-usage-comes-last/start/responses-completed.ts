case "response.completed": {
  // 💣 The stream ends, but the page never learns what it cost, nor that the model
  //    stopped to call a tool.
  // 🐨 The token usage is INSIDE this last event, in the finished response it carries
  //    (input and output tokens). Pass it on as a "usage" event when it is there: it is
  //    the only count of the answer the provider will ever send.
  // 🐨 Then finish, with the reason the model stopped: "tool_calls" when the response's
  //    output holds a function call (the page must run the tool), else "stop". Return
  //    as you finish: nothing after this event counts.
  return yield { type: "finish", reason: "stop" };
}
