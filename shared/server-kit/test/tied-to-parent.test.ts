// A lesson's services go when the lesson is killed, even by SIGKILL, which runs no handler.
// Each test starts a parent process, lets it start a child the way the lessons do, kills the
// parent with SIGKILL, and watches the child go.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { allGone } from "@workshop/testkit";
import { describe, expect, it, onTestFinished } from "vitest";
import { ownedTempDir } from "../src/owned-temp-dir.ts";
import { tiedToParent } from "../src/tied-to-parent.ts";

const helper = fileURLToPath(new URL("../src/tied-to-parent.ts", import.meta.url));

/**
 * Starts `node -e parentScript`, which prints its child's pid; resolves with both once the
 * output also holds `ready` (when given), so the child is set up before its parent is killed.
 */
async function parentWithChild(parentScript: string, args: string[] = [], ready?: string) {
  const parent = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", parentScript, ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const childPid = await new Promise<number>((resolve, reject) => {
    let out = "";
    parent.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /child (\d+)/.exec(out);
      if (match && (!ready || out.includes(ready))) resolve(Number(match[1]));
    });
    parent.once("exit", (code) => reject(new Error(`the parent exited (${code}) before starting its child`)));
  });
  onTestFinished(() => {
    for (const pid of [parent.pid, childPid]) {
      try {
        if (pid) process.kill(pid, "SIGKILL"); // a failed tie leaves nothing running either
      } catch {}
    }
  });
  return { parent, childPid };
}

describe.runIf(process.platform === "linux")("a lesson's children, when the lesson is SIGKILLed", () => {
  it("a program it started tied to it (redis-server, nginx) gets SIGTERM from the kernel and stops", async () => {
    const [command, args] = tiedToParent("sleep", ["600"]);
    const { parent, childPid } = await parentWithChild(
      `import { spawn, spawnSync } from "node:child_process";
       const [command, args] = JSON.parse(process.argv[1]);
       const child = spawn(command, args, { stdio: "ignore" });
       console.log("child " + child.pid);
       setInterval(() => {}, 1000);`,
      [JSON.stringify([command, args])],
    );
    // setpriv asks for the signal, then becomes `sleep`: once it is `sleep`, the tie is in place.
    while (readFileSync(`/proc/${childPid}/comm`, "utf8").trim() !== "sleep")
      await new Promise((resolve) => setTimeout(resolve, 10));
    parent.kill("SIGKILL");
    expect(await allGone([childPid]), "the child outlived its parent").toBe(true);
  });

  it("a Node process of ours that watches its parent (exitWithParent) stops itself", async () => {
    // The child says when it watches: killed before that, its parent would already be gone.
    const child = `import { exitWithParent } from ${JSON.stringify(helper)}; exitWithParent(); console.log("watching"); setInterval(() => {}, 1000);`;
    const { parent, childPid } = await parentWithChild(
      `import { spawn, spawnSync } from "node:child_process";
       const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", process.argv[1]], { stdio: ["ignore", "inherit", "ignore"] });
       console.log("child " + child.pid);
       setInterval(() => {}, 1000);`,
      [child],
      "watching",
    );
    parent.kill("SIGKILL");
    expect(await allGone([childPid]), "the child outlived its parent").toBe(true);
  });
});

describe("a service's temporary folder", () => {
  it("left behind by a killed owner is removed when the next one is made; a live owner's stays", () => {
    const root = mkdtempSync(join(tmpdir(), "owned-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid as number; // exited: its pid names no one
    const left = join(root, "workshop-redis-left");
    mkdirSync(left);
    writeFileSync(join(left, "owner.pid"), String(dead));
    const live = ownedTempDir("workshop-redis-", root);
    const again = ownedTempDir("workshop-redis-", root);
    expect([existsSync(left), existsSync(live), existsSync(again)]).toEqual([false, true, true]);
  });
});
