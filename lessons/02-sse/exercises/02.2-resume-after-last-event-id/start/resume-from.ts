  // 🐨 1. Read the id the browser sends back after a drop: req.get("Last-Event-ID").
  //       No header (a first connection) → start at 0.
  // 🐨 2. Trust only a whole number (/^\d{1,9}$/): anything else → 0.
  // 🐨 3. The client has every token up to that seq, so continue at seq + 1.
  //       An id beyond what this job has sent (the done event's id is
  //       job.tokens.length) is not ours: start over at 0.
  return 0;
