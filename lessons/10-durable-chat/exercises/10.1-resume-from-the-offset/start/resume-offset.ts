/** The last offset the reader has; -1 when it has none and reads from the start. */
export function readerHas(req: Request): number {
  // 🐨 1. A reader tells where it stopped in one of two ways: the page, after a reload, puts
  //       the offset it kept in sessionStorage in the query (?after=<offset>); an EventSource
  //       that reconnects sends the id of the last event it got, in the Last-Event-ID header.
  //       Take whichever the request carries; when it carries both (an EventSource opened on
  //       an ?after= address keeps it when it reconnects), the header is the newer one.
  // 🐨 2. Both come from the client. Trust only a plain whole number, digits only (at most 9
  //       of them): no sign, no exponent, no hex, no spaces. Anything else, or nothing, means
  //       "from the start": -1. Replaying is harmless (the page skips offsets it has); skipping
  //       is not (the answer would have a hole nobody sees).
  return -1;
}
