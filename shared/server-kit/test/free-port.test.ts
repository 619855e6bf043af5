// A helper (redis-server, nginx) is told ports chosen free a moment before it binds them;
// onFreshPorts starts it again on new ones when one was taken in between, and only then.
import { describe, expect, it } from "vitest";
import { onFreshPorts } from "../src/free-port.ts";

const busy = () => new Error("bind() to 127.0.0.1:45475 failed (98: Address already in use)");

describe("onFreshPorts", () => {
  it("starts again when a chosen port was taken before the helper could bind it", async () => {
    let starts = 0;
    const started = await onFreshPorts(async () => {
      starts++;
      if (starts < 3) throw busy();
      return "up";
    });
    expect([started, starts]).toEqual(["up", 3]);
  });

  it("gives up after three starts, with the helper's own words", async () => {
    let starts = 0;
    await expect(
      onFreshPorts(async () => {
        starts++;
        throw busy();
      }),
    ).rejects.toThrow("Address already in use");
    expect(starts).toBe(3);
  });

  it("any other failure is not a port's: it is reported at once, never retried", async () => {
    let starts = 0;
    await expect(
      onFreshPorts(async () => {
        starts++;
        throw new Error("nginx: [emerg] unknown directive");
      }),
    ).rejects.toThrow("unknown directive");
    expect(starts).toBe(1);
  });
});
