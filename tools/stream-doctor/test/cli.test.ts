// The command line: exit statuses from real processes (the root script, the bin and
// the source), then the report's forms, its safety and its bounds, in-process.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { freePort } from "@workshop/server-kit/private-nginx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_IDS } from "../src/check.ts";
import { main } from "../src/cli.ts";
import { recordHttp } from "../src/http-probe.ts";
import { parseCli, parseDuration, UsageError } from "../src/options.ts";
import { type Fixtures, startFixtures } from "./fixtures.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
let fixtures: Fixtures;
let elsewhere: Fixtures; // another origin (another port), for redirects
beforeAll(async () => {
  [fixtures, elsewhere] = await Promise.all([startFixtures(), startFixtures()]);
});
afterAll(async () => {
  await Promise.all([fixtures?.close(), elsewhere?.close()]);
});

/** A process's exit status and output. */
async function spawnDoctor(command: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: repoRoot, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `main` in-process, its output collected. */
async function runMain(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const closedPort = () => freePort(); // free a moment ago: nothing listens there

describe("exit status", () => {
  it("is 0 for a healthy stream, 1 when a check fails and 2 when the URL cannot be probed (bin, source, root script)", async () => {
    const [healthy, broken, unreachable] = await Promise.all([
      spawnDoctor(process.execPath, [
        "tools/stream-doctor/bin/stream-doctor.js",
        `${fixtures.url}/resumable`,
      ]),
      spawnDoctor(process.execPath, [
        "--import",
        "tsx",
        "tools/stream-doctor/src/main.ts",
        `${fixtures.url}/no-ids`,
      ]),
      closedPort().then((port) =>
        spawnDoctor("pnpm", ["run", "--silent", "stream-doctor", `http://127.0.0.1:${port}/events`]),
      ),
    ]);
    expect(healthy).toMatchObject({ code: 0, stdout: expect.stringContaining("verdict: healthy") });
    expect(broken).toMatchObject({ code: 1, stdout: expect.stringContaining("verdict: broken") });
    expect(unreachable).toMatchObject({ code: 2, stdout: "" });
    expect(unreachable.stderr.trim()).toMatch(
      /^could not probe http:\/\/127\.0\.0\.1:\d+\/events: ECONNREFUSED$/,
    );
  });

  it("is 0 when the worst is a warning", async () => {
    const run = await runMain([`${fixtures.url}/no-cache-headers`, "--watch", "200ms"]);
    expect(run).toMatchObject({
      code: 0,
      out: expect.stringMatching(/verdict: warnings \(0 failed, \d warnings?\)$/),
    });
  });

  it("is 2, with one line saying why, for a command line it cannot read", async () => {
    for (const args of [
      [],
      ["ftp://example.com/"],
      ["http://127.0.0.1:3102/", "--watch", "5"],
      ["not a url"],
    ]) {
      const run = await runMain(args);
      expect(run, args.join(" ")).toMatchObject({ code: 2, out: "" });
      expect(run.err.split("\n")).toHaveLength(1);
    }
  });
});

describe("the report", () => {
  it("prints --json as { url, verdict, checks: [{ id, status, summary, hint }] }, hints only where something is wrong", async () => {
    const url = `${fixtures.url}/no-ids`;
    const run = await runMain([url, "--json"]);
    const report = JSON.parse(run.out);
    expect(Object.keys(report)).toEqual(["url", "verdict", "checks"]);
    expect(report).toMatchObject({ url, verdict: "broken" });
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(CHECK_IDS.slice(0, 10));
    for (const c of report.checks) {
      expect(Object.keys(c)).toEqual(["id", "status", "summary", "hint"]);
      expect(c.hint === null).toBe(c.status === "pass" || c.status === "skip");
    }
    expect(run.code).toBe(1);
  });

  it("speaks Chinese with --lang zh", async () => {
    const run = await runMain([`${fixtures.url}/no-ids`, "--lang", "zh"]);
    expect(run.out).toMatch(/^流诊断 · /);
    expect(run.out).toContain("第 02 课：给每个事件加 id:");
    expect(run.out).toMatch(/结论：有故障（\d 项失败，\d 项警告）$/);
  });

  it("never prints the Authorization header it was given, even when the server echoes it back", async () => {
    const secret = "Bearer sk-test-0123456789";
    const args = [`${fixtures.url}/echo-authorization`, "--header", `Authorization: ${secret}`];
    for (const run of [await runMain(args), await runMain([...args, "--json"])]) {
      expect(run.out).toContain("401 Unauthorized: bad credentials: [redacted]");
      expect(run.out).not.toContain("sk-test-0123456789");
    }
    expect(fixtures.seen.get("/echo-authorization")?.headers.authorization).toBe(secret); // it was sent
  });
});

describe("redirects", () => {
  it("follows one to the same origin, but one to another host only with --follow-redirects, and then without credentials", async () => {
    const away = `${fixtures.url}/redirect-away?to=${encodeURIComponent(`${elsewhere.url}/no-ids`)}`;
    const header = ["--header", "Authorization: Bearer sk-never-forwarded"];
    const stayed = await runMain([away, ...header]);
    expect(stayed.out).toMatch(
      /status\s+302 to http:\/\/127\.0\.0\.1:\d+\/no-ids: another host, not followed/,
    );
    expect(elsewhere.seen.get("/no-ids")).toBeUndefined(); // never contacted

    const followed = await runMain([away, ...header, "--follow-redirects"]);
    expect(followed.out).toMatch(/status\s+200 OK, after 302 → http:\/\/127\.0\.0\.1:\d+\/no-ids/);
    expect(elsewhere.seen.get("/no-ids")?.headers.authorization).toBeUndefined();

    const sameOrigin = await runMain([`${fixtures.url}/redirect-same-origin`, "--watch", "200ms", ...header]);
    expect(sameOrigin.out).toMatch(
      /status\s+200 OK, after 302 → http:\/\/127\.0\.0\.1:\d+\/ignores-last-event-id/,
    );
    expect(fixtures.seen.get("/ignores-last-event-id")?.headers.authorization).toBe(
      "Bearer sk-never-forwarded",
    );
  });
});

describe("options and bounds", () => {
  it("reads durations like 6s, 500ms and 2m, and refuses a number without a unit", () => {
    expect(["6s", "500ms", "2m", "1.5s"].map((d) => parseDuration(d))).toEqual([6000, 500, 120_000, 1500]);
    expect(() => parseDuration("60")).toThrow(UsageError);
    const cli = parseCli(["http://h/x", "--watch", "2m", "--idle-timeout", "100s", "--data", "{}"]);
    expect(cli !== "help" && cli.doctor).toMatchObject({
      watchMs: 120_000,
      idleTimeoutMs: 100_000,
      method: "POST",
    });
  });

  it("stops reading at the byte limit, and at the watch, whatever the server does", async () => {
    const limits = { watchMs: 5_000, maxBytes: 64 * 1024, followRedirects: false };
    const get = (path: string) => ({ url: new URL(`${fixtures.url}${path}`), method: "GET", headers: [] });
    const endless = await recordHttp(get("/endless"), limits);
    expect(endless.end.reason).toBe("bytes");
    expect(endless.bytes).toBe(64 * 1024);
    const silent = await recordHttp(get("/silent"), { ...limits, watchMs: 200 });
    expect(silent.end.reason).toBe("watch");
  });
});
