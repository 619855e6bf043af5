  // 🐨 1. POST the request to `${base}/api/chat` with fetch(): JSON body, the JSON
  //       Content-Type, and `signal` (Stop aborts it; the server then stops the model).
  //       EventSource cannot do this: it only GETs, with no body.
  // 🐨 2. A 4xx/5xx (or no body) is not a stream: the server answers JSON
  //       { error: { code, message } }. Throw new ChatError(code, message), falling back
  //       to `http_${response.status}` and response.statusText if the body is not JSON.
  // 🐨 3. for await (const event of readSseEvents(response.body)) — the shared parser
  //       (exercise 04.1 is why) — then, per event:
  //       - event.data === DONE: the end, return.
  //       - JSON.parse it. A payload with `error` is an error, not text: throw ChatError.
  //       - Otherwise yield payload.choices[0]?.delta.content, when there is any.
  // 🐨 4. The body ended without [DONE]: the answer was cut off. Say so:
  //       throw new ChatError("incomplete", "The answer was cut off before it finished.").
  throw new ChatError("not_written", "streamChat is not written yet");
