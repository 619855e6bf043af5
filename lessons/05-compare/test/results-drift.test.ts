// RESULTS.md is generated, never hand-written; this keeps it honest. The
// matrix runs every transport through every scenario, and the committed
// verdict tables must equal a fresh run's. (Timings and byte counts are
// shown in RESULTS.md too but vary, so they are not compared.)
import { readFileSync } from "node:fs";
import { stableSection } from "@workshop/results";
import { beforeAll, describe, expect, it } from "vitest";
import { TRANSPORTS } from "../src/matrix/fixture.ts";
import { renderStable } from "../src/matrix/render.ts";
import { type MatrixResult, runMatrix } from "../src/matrix/run-matrix.ts";

let fresh: MatrixResult;
beforeAll(async () => {
  fresh = await runMatrix();
}, 90_000); // a hang guard: a busy machine takes several times as long

const verdict = (scenario: string, transport: (typeof TRANSPORTS)[number]) =>
  fresh.verdicts.get(scenario)?.get(transport);

describe("the comparison matrix", () => {
  it("matches the committed RESULTS.md (run `pnpm compare` after changing a transport)", () => {
    const committed = readFileSync(new URL("../RESULTS.md", import.meta.url), "utf8");
    expect(renderStable(fresh)).toBe(stableSection(committed));
  });

  it("every transport delivers the exact text through 1-byte fragments", () => {
    for (const transport of TRANSPORTS) {
      expect(verdict("1-byte fragments (every multi-byte character split)", transport)).toBe("✓ exact");
    }
  });

  it("after a dropped connection, EventSource resumes by itself; a fetch stream does not", () => {
    expect(verdict("connection dropped mid-stream", "SSE")).toBe("✓ resumes exactly");
    expect(verdict("connection dropped mid-stream", "fetch stream")).toBe("✗ gives up");
  });

  it("one non-200 answer to a reconnect ends EventSource for good, while polling and WebSocket retry", () => {
    const scenario = "dropped, and the reconnect answered 500 for 300 ms";
    expect(verdict(scenario, "SSE")).toBe("✗ gives up");
    expect(verdict(scenario, "WebSocket")).toBe("✓ resumes exactly");
    expect(verdict(scenario, "long polling")).toBe("✓ resumes exactly");
  });

  it("only a client with its own heartbeat deadline notices a silent, half-open connection", () => {
    const scenario = "network silent without FIN, longer than the heartbeat";
    expect(verdict(scenario, "WebSocket")).toBe("✓ resumes exactly");
    for (const transport of TRANSPORTS.filter((t) => t !== "WebSocket")) {
      expect(verdict(scenario, transport)).toBe("✗ stuck, never notices");
    }
  });

  it("a buffering proxy delays an HTTP stream to the end, but not polling or WebSocket", () => {
    const scenario = "a buffering reverse proxy (gzip on event streams): text before the end?";
    expect(verdict(scenario, "SSE")).toBe("✗ all at once, at the end");
    expect(verdict(scenario, "fetch stream")).toBe("✗ all at once, at the end");
    expect(verdict(scenario, "WebSocket")).toBe("✓ token by token");
  });

  it("nothing resumes after a restart that lost the server's memory", () => {
    for (const transport of TRANSPORTS) {
      expect(verdict("server restarted mid-stream (memory lost)", transport)).toMatch(/^✗/);
    }
  });
});
