// Exercise 03.5 is a stretch: no steps here. Its README says what these two must do.

/** Applies a server message to the reply; returns true if the text changed. */
export function track(reply: ReplyTracker, message: ServerMessage): boolean {
  return false;
}

/** After a reconnect: what to send so the server continues where we stopped. */
export function resumeMessage(reply: ReplyTracker): ClientMessage | undefined {
  return undefined;
}
