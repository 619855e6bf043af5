  // 🐨 1. POST the request to `${base}/api/chat` with fetch(): the request as a JSON body,
  //       with the JSON Content-Type, and `signal` (Stop aborts it; the server then stops
  //       the model). EventSource cannot do this: it only GETs, with no body.
  // 🐨 2. A 4xx/5xx (or a response with no body) is not a stream: the server answers JSON
  //       { error: { code, message } }. Throw a ChatError with that code and message, or,
  //       when the body is not that JSON, with `http_<status>` and the status text.
  // 🐨 3. Read the body as server-sent events with the shared parser, `readSseEvents`
  //       (exercise 04.1 is why you do not split chunks yourself). For each event:
  //       - its data is DONE: the answer is complete, return;
  //       - otherwise it is JSON. A payload with `error` is a failure that arrived inside
  //         a 200 stream: throw it as a ChatError, never show it as text;
  //       - otherwise yield the choice's `delta.content`, when there is any.
  // 🐨 4. The body ended without DONE: the answer was cut off (a proxy, a dropped
  //       connection). Say so with a ChatError whose code is "incomplete", or the page
  //       shows half an answer as if it were whole.
  throw new ChatError("not_written", "streamChat is not written yet");
