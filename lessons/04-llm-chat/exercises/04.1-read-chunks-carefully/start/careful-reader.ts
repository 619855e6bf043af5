  // 💣 The tutorial reader, as found in many blog posts. It works on localhost, where
  //    chunks happen to arrive whole. Fix it with three habits:
  // 🐨 1. ONE TextDecoder for the whole stream, and decode(value, { stream: true }):
  //       a 3-byte character such as 你 can be cut between two chunks.
  // 🐨 2. Keep a buffer across chunks: add each decoded chunk, split on ANY line ending
  //       the spec allows (/\r\n|\r|\n/), and keep the last, unfinished piece for later.
  // 🐨 3. Read only whole lines: "data:" then one optional space. "[DONE]" → sawDone = true
  //       and stop reading. Let a bad JSON throw: a swallowed error is lost text nobody sees.
  for (const value of chunks) {
    for (const line of new TextDecoder().decode(value).split("\n")) {
      if (!line.startsWith("data: ")) continue;
      if (line.slice(6) === "[DONE]") result.sawDone = true;
      else {
        try {
          result.text += contentOf(line.slice(6));
        } catch {}
      }
    }
  }
