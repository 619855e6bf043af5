  // 🐨 1. Read the id the browser sends back after a drop, in the Last-Event-ID request
  //       header. No header means a first connection: start at 0.
  // 🐨 2. Trust only a plain whole number (digits only, at most 9 of them): the header
  //       comes from the client, so anything else starts over at 0.
  // 🐨 3. The client has every token up to that seq, so continue at the one after it.
  //       An id beyond what this job has sent is not ours: start over at 0. The furthest
  //       id sent is the last token's seq while the job runs, and once it is done, the
  //       done event's id, which is the token count.
  return 0;
