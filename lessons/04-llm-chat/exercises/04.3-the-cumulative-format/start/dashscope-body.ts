  // 💣 This passes DashScope's text on as if it were a delta. It is not: each `result`
  //    event's output.text is the WHOLE answer so far, so the page prints
  //    "最近最近的公园最近的公园是…".
  // 🐨 1. Remember what you already passed on. Pass on only what is new: the part of the
  //       text after what you sent, when the text is longer and begins with it.
  // 🐨 2. finish_reason "stop" is the end: return, even if more events follow.
  // 🐨 3. An `error` event is a failure, not text: throw an UpstreamError with the code
  //       upstream_failed and the event's message in its detail (the BFF logs the detail,
  //       and sends the page a fixed message: a provider's words never reach the browser).
  // 🐨 4. A body that ends with no finish_reason "stop" was cut (a proxy, a dropped
  //       connection): after the loop, throw an upstream_failed UpstreamError too, or the
  //       page shows half an answer as a finished one.
  for await (const event of readSseEvents(body, { maxBufferSize: maxEventChars })) {
    if (event.type !== "result") continue;
    const result = JSON.parse(event.data) as DashScopeResult;
    yield result.output?.text ?? "";
  }
