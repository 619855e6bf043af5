// The page's race, in Node (the `eventsource` package stands in for the browser's): a path
// whose connection fails says so, instead of "…" for ever. Over HTTP/2 that is almost always
// a certificate nobody has accepted yet, and EventSource retries without a word.

import { withEventSourceGlobal } from "@workshop/exercises";
import { freePort } from "@workshop/server-kit/private-nginx";
import { EventSource } from "eventsource";
import { expect, it } from "vitest";
import { readThrough } from "../src/client/path-race.ts";

/** A loopback port nothing listens on: taken from the OS, then let go (server-kit's freePort). */
const closedPort = freePort;

it("a path whose connection fails is reported as retrying before any token, not left waiting in silence", async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  await withEventSourceGlobal(EventSource, async () => {
    let tokens = 0;
    await new Promise<void>((retrying) => {
      readThrough(url, "job-1", () => tokens++, retrying).catch(() => {});
    });
    expect(tokens).toBe(0);
  });
});
