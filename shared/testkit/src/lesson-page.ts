// The setup every lesson's browser test shares, so each test file shows only
// what its lesson does differently (plain code after these calls):
// - servePage: the lesson's server and its page (the lesson's own
//   vite.config.ts, proxying to that server), started once per file;
// - freshPage: each test starts at that URL (or blank, for tests that open
//   their own) in the file's one Chromium tab, and leaves it for about:blank
//   after, with uncaught page errors failing the test.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { type RunningPage, startPage } from "./start-page.ts";

export interface Served<L> {
  /** Set before the first test runs. */
  lesson: L;
  site: RunningPage;
}

export function servePage<L extends { url: string; close(): Promise<void> }>(
  root: string,
  start: () => Promise<L>,
  { prefixes = [] as string[] } = {},
): Served<L> {
  const served = {} as Served<L>;
  beforeAll(async () => {
    served.lesson = await start();
    served.site = await startPage(root, served.lesson.url, prefixes);
  });
  afterAll(async () => {
    await served.site?.close();
    await served.lesson?.close();
  });
  return served;
}

/**
 * The page the tests of a file drive, so they can write `page.click(…)` as usual.
 * One tab for the whole file, sent to about:blank after each test: leaving
 * ends whatever the test's page held open (streams, sockets), as closing the
 * tab would, while later tests reuse its renderer and HTTP cache instead of
 * paying for a new tab each (a third of a browser file's CPU). The pages keep
 * no storage, so nothing else carries over.
 */
export function freshPage(
  browser: () => Browser,
  /** Where each test starts; undefined when every test opens its own address first. */
  url: () => string | undefined,
): Page {
  let current: Page | undefined;
  const errors: string[] = [];
  beforeEach(async () => {
    // In a context of its own, so a test can open a second tab beside it (same HTTP cache).
    current ??= await (await browser().newContext()).newPage();
    errors.length = 0;
    current.on("pageerror", (error) => errors.push(error.message));
    const start = url();
    if (start) await current.goto(start);
  });
  afterEach(async () => {
    const page = current as Page;
    await page.goto("about:blank");
    page.removeAllListeners();
    expect(errors, "uncaught errors in the page").toEqual([]);
  });
  afterAll(async () => {
    await current?.context().close();
  });
  return new Proxy({} as Page, {
    get(_target, key) {
      if (!current) throw new Error("no page yet: use it inside a test");
      const value = Reflect.get(current, key, current);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
