// The doctor through lesson 09's real nginx: the paths the lesson proves buffering
// (gzip, two layers) and cutting (a 1 s proxy_read_timeout over a quiet origin),
// beside their healthy twins. Without nginx the file is skipped with one line,
// except under CI=true, where that is a failure (lesson 09's rule).
import type { ProxyPath } from "@workshop/09-proxies/protocol";
import { type Proxies, startProxies } from "@workshop/09-proxies/server/proxies.ts";
import { steadyTiming } from "@workshop/mock-llm";
import { findNginx, HOW_TO_GET_NGINX } from "@workshop/server-kit/private-nginx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDoctor } from "./run-doctor.ts";

const PROMPT = "echo: one two three four five six seven eight nine ten eleven twelve";
/** lesson 09's proxy_read_timeout on the idle paths (paths.ts): nginx cuts a stream silent for this long. */
const NGINX_READ_TIMEOUT_MS = 1000;

const withNginx = findNginx() !== undefined || process.env.CI === "true";
if (!withNginx)
  console.warn(`[nginx tests skipped] tools/stream-doctor/test/proxies.test.ts: ${HOW_TO_GET_NGINX}`);

describe.runIf(withNginx)("the doctor through lesson 09's nginx", () => {
  let proxies: Proxies;
  beforeAll(async () => {
    // Tokens every 20 ms (lesson 09's own test timing): a reply streams over ~0.3 s.
    proxies = await startProxies({ timing: steadyTiming(20) });
  });
  afterAll(() => proxies?.stop());
  const path = (name: string) => proxies.paths.find((p) => p.name === name) as ProxyPath;

  /**
   * A reply read through `name`. Lesson 02's tutorial route generates it when the request
   * reaches the origin, so it is being made while the doctor reads, however late it connects.
   */
  const doctorThrough = (name: string) =>
    runDoctor(`${path(name).url}/api/tutorial/stream?prompt=${encodeURIComponent(PROMPT)}`);

  it("finds a stream held back by gzip at nginx, and by two layers of nginx, while direct and fixed paths stream", async () => {
    const [gzip, twoLayers, direct, fixed] = await Promise.all(
      ["gzip", "two-layers", "direct", "two-layers-fixed"].map(doctorThrough),
    );
    for (const held of [gzip, twoLayers]) {
      expect(held?.check("delivery")).toMatchObject({
        status: "fail",
        summary: expect.stringMatching(/^held back: \d+ events arrived in [12] reads?, all at the end/),
        hint: expect.stringMatching(/^lesson 09: /),
      });
      expect(held?.check("compression")).toMatchObject({
        status: "warn",
        summary: expect.stringMatching(/gzip/),
      });
      expect(held?.check("framing")).toMatchObject({ status: "pass" }); // the reply is whole, only late
    }
    for (const streaming of [direct, fixed]) {
      expect(streaming?.check("delivery")).toMatchObject({
        status: "pass",
        summary: expect.stringMatching(/^streamed/),
      });
    }
  });

  it("finds the quiet stream cut by nginx's read timeout, and the one with heartbeats alive through the same timeout", async () => {
    // Judged against a limit under nginx's: the silence before nginx cuts is at least its timeout.
    const [quiet, beating] = await Promise.all([
      runDoctor(`${path("idle-quiet").url}/api/notifications`, { idleTimeoutMs: NGINX_READ_TIMEOUT_MS / 2 }),
      runDoctor(`${path("idle-heartbeat").url}/api/notifications`, {
        watchMs: 1.5 * NGINX_READ_TIMEOUT_MS,
        idleTimeoutMs: NGINX_READ_TIMEOUT_MS,
      }),
    ]);
    expect(quiet.check("heartbeat")).toMatchObject({
      status: "fail",
      summary: expect.stringMatching(/^silent for .+, then cut before the response finished/),
      hint: expect.stringMatching(/^lesson 09: send a heartbeat/),
    });
    expect(quiet.check("end")).toMatchObject({
      status: "warn",
      summary: expect.stringMatching(/not an end the server chose/),
    });
    expect(beating.check("heartbeat")).toMatchObject({ status: "pass" });
    expect(beating.check("end")).toMatchObject({ status: "skip" }); // still open: nginx did not cut it
  });
});
