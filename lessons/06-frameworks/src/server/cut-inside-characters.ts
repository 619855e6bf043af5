// The page's "Cut inside characters" switch, on the server: each write that holds a
// character of several UTF-8 bytes (你 is three) goes out in two pieces, cut one byte into
// that character, a few milliseconds apart, so the page reads them in two network reads.
// Proxies, mobile networks and slow models deliver such cuts every day; the mock on
// loopback never does. A reader that decodes each read on its own shows "�"
// (?trap=tutorial-reader); lesson 04's streamChat decodes with { stream: true } and does not.
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { CUT_COOKIE } from "../stream/page-switches.ts";

/** One byte into the first character of several bytes, or -1 when there is none. */
export function cutInsideCharacter(bytes: Uint8Array): number {
  const lead = bytes.findIndex((byte) => byte >= 0xc0); // 11xxxxxx starts a multi-byte character
  return lead >= 0 && lead + 1 < bytes.length ? lead + 1 : -1;
}

export function cutInsideCharacters({ gapMs = 10 } = {}): RequestHandler {
  return (req, res, next) => {
    if (!req.headers.cookie?.split(/;\s*/).includes(`${CUT_COOKIE}=1`)) return next();
    const write = res.write.bind(res) as (chunk: Uint8Array) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    // Writes that come during a gap wait, in order. Lesson 02's event stream waits for
    // "drain" when write() says false, so this holds at most a heartbeat and the end.
    // (A JSON error, written with end(body) before any event, passes through whole.)
    let held: (() => void)[] | undefined;
    res.write = ((chunk: string | Uint8Array) => {
      if (held) {
        held.push(() => res.write(chunk));
        return false;
      }
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      const cut = cutInsideCharacter(bytes);
      if (cut < 0) return write(bytes);
      write(bytes.subarray(0, cut));
      held = [];
      setTimeout(() => {
        const after = held ?? [];
        held = undefined;
        const flowing = res.destroyed || write(bytes.subarray(cut));
        // Back through this wrapper, in order: a held write may open a gap of its own.
        for (const next of after) next();
        // The writer waits for "drain": say it now, unless the socket is full (then the
        // socket's own "drain" comes when it has room, and this keeps real backpressure).
        if (flowing && !held) res.emit("drain");
      }, gapMs);
      return false;
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      if (held) held.push(() => end(...args));
      else end(...args);
      return res;
    }) as typeof res.end;
    next();
  };
}
