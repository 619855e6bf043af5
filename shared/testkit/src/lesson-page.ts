// The setup every lesson's browser test shares, so each test file shows only
// what its lesson does differently (plain code after these calls):
// - servePage: the lesson's server and its page (the lesson's own
//   vite.config.ts, proxying to that server), started once per file;
// - freshPage: a new Chromium page per test at that URL (or blank, for tests
//   that open their own), closed after it,
//   with uncaught page errors failing the test.
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
 * The current test's page. It stands for whichever page the running test
 * has (a new one each test), so tests can write `page.click(…)` as usual.
 */
export function freshPage(
  browser: () => Browser,
  /** Where each test starts; undefined when every test opens its own address first. */
  url: () => string | undefined,
): Page {
  let current: Page | undefined;
  const errors: string[] = [];
  beforeEach(async () => {
    errors.length = 0;
    current = await browser().newPage();
    current.on("pageerror", (error) => errors.push(error.message));
    const start = url();
    if (start) await current.goto(start);
  });
  afterEach(async () => {
    await current?.close();
    expect(errors, "uncaught errors in the page").toEqual([]);
  });
  return new Proxy({} as Page, {
    get(_target, key) {
      if (!current) throw new Error("no page yet: use it inside a test");
      const value = Reflect.get(current, key, current);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
