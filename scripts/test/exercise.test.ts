// `pnpm exercise`, run as a student would, on a one-exercise workshop made in
// a temporary folder (EXERCISES_ROOT), so the real lessons are never touched
// while other tests read them. No TTY here: nothing may prompt.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lessons.ts";

const FINISHED = `export function add(a: number, b: number): number {
  // #region add-body
  return a + b;
  // #endregion
}
`;

const FILES: Record<string, string> = {
  "lessons/09-demo/package.json": '{ "name": "@workshop/09-demo", "description": "A demo lesson" }\n',
  "lessons/09-demo/src/add.ts": FINISHED,
  "lessons/09-demo/exercises/09.1-add/exercise.json":
    '{ "edits": [{ "file": "src/add.ts", "region": "add-body" }] }\n',
  "lessons/09-demo/exercises/09.1-add/start/add-body.ts": "  // 🐨 return the sum\n  return 0;\n",
  "lessons/09-demo/exercises/09.1-add/README.md": [
    "# 09.1 Add two numbers",
    "",
    "English · [中文](README.zh-CN.md)",
    "",
    "**Goal:** add them.",
    "",
    "The function is in [add.ts](../../src/add.ts).",
    "",
    "## Hints",
    "",
    "<details><summary>Hint 1</summary>",
    "",
    "Use `+` in [add.ts](../../src/add.ts).",
    "",
    "</details>",
    "",
  ].join("\n"),
  "lessons/09-demo/exercises/09.1-add/README.zh-CN.md": [
    "# 09.1 两数相加",
    "",
    "[English](README.md) · 中文",
    "",
    "**目标**：把它们加起来。",
    "",
    "函数在 [add.ts](../../src/add.ts) 里。",
    "",
    "## 提示",
    "",
    "<details><summary>提示 1</summary>",
    "",
    "用 `+`。",
    "",
    "</details>",
    "",
  ].join("\n"),
  // A check needs no import: defineChecks only gives it a type.
  "lessons/09-demo/exercises/09.1-add/check.ts": `export default {
  "add(2, 3) is 5": async (code) => {
    const { add } = await code.load("src/add.ts");
    if (add(2, 3) !== 5) throw new Error(\`add(2, 3) is \${add(2, 3)}, not 5\`);
  },
};
export const namesZh = { "add(2, 3) is 5": "add(2, 3) 等于 5" };
`,
};

let root: string;
/** The status `pnpm exercise list` shows, read from the progress file it reads (no process to start). */
const statusOf09 = () => {
  const path = join(root, ".exercises/progress.json");
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, "utf8")).exercises["09.1"]?.status ?? "todo")
    : "todo";
};
const addFile = () => join(root, "lessons/09-demo/src/add.ts");

/** An English locale unless a test says otherwise: the machine's own must not decide the language. */
const ENGLISH = { LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" };

function exercise(...args: string[]) {
  return exerciseIn(ENGLISH, ...args);
}

function exerciseIn(locale: Record<string, string>, ...args: string[]) {
  // As `pnpm exercise` runs it: one Node with tsx's loader.
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "scripts/exercise.ts"), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, ...locale, EXERCISES_ROOT: root, FORCE_COLOR: "0", NO_COLOR: "1" },
      encoding: "utf8",
      timeout: 60_000,
      stdio: ["ignore", "pipe", "pipe"], // no TTY: a prompt would hang, and fail the test by timeout
    },
  );
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "exercise-cli-"));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  // Committed, as a clone of the workshop is: the lesson's code is also what git holds.
  const git = (...args: string[]) =>
    spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: root });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "the workshop");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each test runs the CLI as a student would, one to four Node processes, each given up to a
// minute by its own guard (above): a test's limit is that guard's, not vitest's 15 s, which a
// machine pinned to one busy core can spend on three starts of Node.
const CLI = { timeout: 60_000 };

describe("pnpm exercise: start, red, write, green, reset", CLI, () => {
  it("lists every exercise with its status, also as JSON for scripts", () => {
    const { status, out } = exercise("list", "--json");
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { id: "09.1", lesson: "09-demo", title: "Add two numbers", status: "todo", stubInPlace: false },
    ]);
    expect(exercise().out).toContain("○ 09.1  todo     Add two numbers");
  });

  it("start --no-dev puts the stub in place, prints the task, and returns without servers", () => {
    const { status, out } = exercise("09.1", "--no-dev");
    expect(status).toBe(0);
    expect(out).toContain("Goal: add them."); // the task, rendered: no Markdown marks in the terminal
    expect(out).not.toContain("**Goal:**");
    expect(out).not.toContain("中文"); // the line that links to the Chinese twin is for the web
    // A link beside the README, shown from the root the student types commands in.
    expect(out).toContain("add.ts (lessons/09-demo/src/add.ts)");
    expect(out).not.toContain("Use +"); // hints come one at a time
    expect(readFileSync(addFile(), "utf8")).toContain("return 0;");
    expect(statusOf09()).toBe("started");
  });

  it("check fails on the stub, with the check's own message", () => {
    const { status, out } = exercise("check");
    expect(status).toBe(1);
    expect(out).toContain("add(2, 3) is 0, not 5");
  });

  it("hint reveals the hints one at a time, then says it was the last", () => {
    const { out } = exercise("hint");
    expect(out).toContain("Hint 1 of 1");
    expect(out).toContain("Use + in add.ts (lessons/09-demo/src/add.ts)"); // its link from the root too
    expect(out).toContain("last hint");
  });

  it("check passes once the student's code works, and the exercise is done", () => {
    writeFileSync(addFile(), readFileSync(addFile(), "utf8").replace("return 0;", "return b + a;"));
    const { status, out } = exercise("check", "09.1");
    expect(status).toBe(0);
    expect(out).toContain("09.1 passes");
    expect(statusOf09()).toBe("done");
  });

  it("solution shows the diff from the student's code; --apply replaces it and keeps a backup", () => {
    const diff = exercise("solution").out;
    expect(diff).toContain("-  return b + a;");
    expect(diff).toContain("+  return a + b;");
    const { out } = exercise("solution", "09.1", "--apply");
    expect(out).toContain("the solution is in place");
    expect(readFileSync(addFile(), "utf8")).toBe(FINISHED);
    const attempts = join(root, ".exercises/attempts/09.1");
    const [backup = ""] = readdirSync(attempts);
    expect(readFileSync(join(attempts, backup, "09-demo/src/add.ts"), "utf8")).toContain("return b + a;");
  });

  it("reset brings every file back to the lesson's code and forgets the copies it kept", () => {
    exercise("start", "09.1", "--no-dev");
    expect(readFileSync(addFile(), "utf8")).not.toBe(FINISHED);
    expect(exercise("reset").out).toContain("09.1: back to the lesson's code in src/add.ts");
    expect(readFileSync(addFile(), "utf8")).toBe(FINISHED);
    expect(existsSync(join(root, ".exercises/finished/lessons/09-demo/src/add.ts"))).toBe(false);
    expect(statusOf09()).toBe("done"); // done stays done
  });

  it("reset brings back a file whose #region marker the student deleted, keeping their text as an attempt", () => {
    exercise("start", "09.1", "--no-dev");
    writeFileSync(
      addFile(),
      "export function add(a: number, b: number): number {\n  return a - b; // no markers\n}\n",
    );
    const { status, out } = exercise("reset", "09.1");
    expect(status, out).toBe(0);
    expect(out).toContain("your attempt is saved");
    expect(readFileSync(addFile(), "utf8")).toBe(FINISHED);
  });

  it("with .exercises/ deleted, list still sees the starting code in place, and reset brings back the committed code", () => {
    exercise("start", "09.1", "--no-dev");
    rmSync(join(root, ".exercises"), { recursive: true, force: true });
    expect(exercise("list").out).toContain("its starting code is in place");
    const { out } = exercise("reset");
    expect(out).toContain("09.1: back to the lesson's code in src/add.ts");
    expect(readFileSync(addFile(), "utf8")).toBe(FINISHED);
  });

  it("names the exercise it cannot find, and the way to list them", () => {
    const { status, out } = exercise("check", "42.7");
    expect(status).toBe(1);
    expect(out).toContain('No exercise "42.7"');
  });
});

describe("pnpm exercise in Chinese", CLI, () => {
  it("--lang zh prints the Chinese task, without its hints or its language link, and where to write, in Chinese", () => {
    const { status, out } = exercise("09.1", "--no-dev", "--lang", "zh");
    expect(status, out).toBe(0);
    expect(out).toContain("目标：把它们加起来。");
    expect(out).not.toContain("用 +"); // hints come one at a time
    expect(out).not.toContain("English");
    expect(out).toContain("函数在 add.ts (lessons/09-demo/src/add.ts) 里。");
    expect(out).toContain("在这里写代码：");
    expect(out).toContain("检查：`pnpm exercise check`");
  });

  it("a zh_CN locale is enough: the list, a hint, the check and reset speak Chinese", () => {
    const chinese = { LANG: "zh_CN.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
    expect(exerciseIn(chinese, "list").out).toMatch(/课程 09-demo\n.*09\.1 +进行中 +两数相加/);
    const hint = exerciseIn(chinese, "hint").out;
    expect(hint).toContain("09.1 的提示 1/1");
    expect(hint).toContain("用 +");
    const check = exerciseIn(chinese, "check");
    expect(check.out).toContain("09.1 两数相加"); // the step's group, by the exercise's Chinese title
    expect(check.out).toContain("add(2, 3) 等于 5"); // the step, by its Chinese name
    expect(check.out).toContain("还没通过");
    expect(exerciseIn(chinese, "reset").out).toContain("09.1：src/add.ts 已换回课程代码");
    expect(readFileSync(addFile(), "utf8")).toBe(FINISHED);
  });
});
