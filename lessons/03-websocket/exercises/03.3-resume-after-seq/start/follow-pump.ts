    // 🐨 1. Send every token after `afterSeq` that the job already has:
    //       this.reply({ type: "token", jobId: job.id, seq: token.seq, text: token.text }).
    //       reply() returns false once the socket is gone: then stop.
    // 🐨 2. Then follow the job live: job.subscribe(callback) calls back on each new token
    //       and at the end; it returns the unsubscribe. Send what is new each time.
    // 🐨 3. When job.done, reply { type: "done", jobId: job.id } and stop.
    // 🐨 4. stop() = unsubscribe + following.delete(job.id). Register it with
    //       following.set(job.id, stop): the socket closing, a cancel, or a second
    //       resume of the same job (above) calls it.
