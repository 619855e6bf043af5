// On the room's network (HOST=0.0.0.0): nginx's paths listen on every address, and the page
// asks each path on the host it was opened from, not on the server's 127.0.0.1.
import { describe, expect, it } from "vitest";
import { onHost } from "../src/client/paths.ts";
import { renderNginxConfig } from "../src/server/nginx-config.ts";
import { PATHS } from "../src/server/paths.ts";

const ports = {
  origins: { beating: 3901, quiet: 3902 },
  listen: Object.fromEntries(
    PATHS.flatMap((path) => (path.outer ? [path.name, `${path.name}-inner`] : [path.name])).map((n, i) => [
      n,
      3910 + i,
    ]),
  ),
};

describe("lesson 09 on a LAN", () => {
  it("with HOST=0.0.0.0 every path a browser uses listens on every address, and nginx reaches the origins on loopback", () => {
    const config = renderNginxConfig(
      "/tmp/x",
      PATHS,
      ports,
      { cert: "c", key: "k" },
      { host: "0.0.0.0", reach: "127.0.0.1" },
    );
    const listens = [...config.matchAll(/listen (\S+?):(\d+)/g)].map(([, host, port]) => ({
      host,
      port: Number(port),
    }));
    const outer = PATHS.map((path) => ports.listen[path.name]);
    expect(listens.filter((l) => outer.includes(l.port)).every((l) => l.host === "0.0.0.0")).toBe(true);
    expect(listens.filter((l) => !outer.includes(l.port)).every((l) => l.host === "127.0.0.1")).toBe(true); // inner layers
    expect(
      [...config.matchAll(/proxy_pass http:\/\/([^:]+):/g)].every(([, host]) => host === "127.0.0.1"),
    ).toBe(true);
  });

  it("the page asks a path on its own host: the instructor's address for a student, with the path's port and scheme", () => {
    expect(onHost("https://127.0.0.1:3917", "192.168.1.20")).toBe("https://192.168.1.20:3917");
    expect(onHost("http://127.0.0.1:3901", "127.0.0.1")).toBe("http://127.0.0.1:3901");
  });
});
