// For the tests: lesson 09's origins and nginx, once per file. Without nginx
// (or openssl) the block is skipped with one line saying how to get it,
// except under CI=true, where that is a failure.

import { steadyTiming } from "@workshop/mock-llm";
import { findNginx, HOW_TO_GET_NGINX } from "@workshop/server-kit/private-nginx";
import { afterAll, beforeAll, describe } from "vitest";
import type { ProxyPath } from "../src/protocol.ts";
import { type Proxies, startProxies } from "../src/server/proxies.ts";

/** Tokens every 20 ms: a short reply streams over ~0.3 s, so arrival order is clear. */
export const TIMING = steadyTiming(20);
export const PAGE_ORIGIN = "http://127.0.0.1:5109";

export function describeWithProxies(
  name: string,
  body: (proxies: () => Proxies, path: (name: string) => ProxyPath) => void,
) {
  if (!findNginx() && process.env.CI !== "true") {
    console.warn(`[nginx tests skipped] ${name}: ${HOW_TO_GET_NGINX}`);
    describe.skip(name, () =>
      body(
        () => undefined as never,
        () => undefined as never,
      ),
    );
    return;
  }
  describe(name, () => {
    let proxies: Proxies | undefined;
    beforeAll(async () => {
      proxies = await startProxies({ timing: TIMING });
    });
    afterAll(() => proxies?.stop());
    const get = () => {
      if (!proxies) throw new Error("proxies not started yet");
      return proxies;
    };
    body(get, (name) => {
      const found = get().paths.find((path) => path.name === name);
      if (!found) throw new Error(`no path ${name}`);
      return found;
    });
  });
}
