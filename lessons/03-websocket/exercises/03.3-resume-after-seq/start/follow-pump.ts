    // 🐨 1. Send every token after `afterSeq` that the job already has, in order, each as
    //       a "token" message (jobId, seq, text: see ServerMessage in ../protocol.ts).
    //       `this.reply(message)` returns false once the socket is gone: then stop following.
    // 🐨 2. Then follow the job live: `job.subscribe(callback)` calls back on each new token
    //       and at the end, and returns the function that unsubscribes. Each time, send
    //       what is new since you last sent: the same code as step 1, so write it once.
    // 🐨 3. When the job is done, send a "done" message for it and stop following.
    // 🐨 4. Stopping means: unsubscribe from the job, and take this job out of `following`.
    //       Put your stop function in `following` under the job's id as soon as you follow:
    //       the socket closing, a cancel, or a second resume of the same job (above) call it.
