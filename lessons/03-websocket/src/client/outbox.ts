// Chat typed while disconnected is queued, up to a small limit, and sent in
// order on reconnect; beyond the limit it is refused, visibly. Why queue chat
// but refuse "Ask"? A chat line is cheap and the user expects it to go out.
// A question starts a paid generation; fired minutes later by a queue, it
// would surprise the user and the bill, so Ask is disabled while offline.

export interface Outbox {
  /** False when full: tell the user it was not sent. */
  push(text: string): boolean;
  /** Sends queued messages in order while `send` succeeds. */
  flush(send: (text: string) => boolean): void;
  readonly size: number;
}

export function createOutbox(limit = 10): Outbox {
  const queue: string[] = [];
  return {
    push(text) {
      if (queue.length >= limit) return false;
      queue.push(text);
      return true;
    },
    flush(send) {
      while (queue.length > 0 && send(queue[0] as string)) queue.shift();
    },
    get size() {
      return queue.length;
    },
  };
}
