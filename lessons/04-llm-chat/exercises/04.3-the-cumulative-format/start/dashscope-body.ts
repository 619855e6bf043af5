  // 💣 This passes DashScope's text on as if it were a delta. It is not: each `result`
  //    event's output.text is the WHOLE answer so far, so the page prints
  //    "最近最近的公园最近的公园是…".
  // 🐨 1. Remember what you already yielded (`sent`). Yield only the new part:
  //       text.slice(sent.length), when text is longer and starts with `sent`.
  // 🐨 2. finish_reason "stop" is the end: return, even if more events follow.
  // 🐨 3. An `error` event is a failure, not text: throw new UpstreamError("upstream_failed",
  //       `in-stream error: ${message}`) (the BFF logs it and sends the page a fixed message).
  // 🐨 4. A body that ends with no finish_reason "stop" was cut (a proxy, a dropped
  //       connection): after the loop, throw UpstreamError("upstream_failed", …) too, or the
  //       page shows half an answer as a finished one.
  for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
    if (event.type !== "result") continue;
    const result = JSON.parse(event.data) as DashScopeResult;
    yield result.output?.text ?? "";
  }
