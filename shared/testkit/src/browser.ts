// Browser tests drive a real Chromium where the behavior under test is the
// browser's own (EventSource reconnection, rendering, XSS). Nothing here
// downloads a browser: it uses one already on the machine.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";

// Chromium's headless shell first: the same Blink and V8, without the desktop browser's UI
// process work. It is what Playwright itself runs for headless tests, and on this suite it
// costs ~40% less CPU than full Chromium (a new tab: ~0.15 s of CPU instead of ~0.6 s).
// Debian ships it as `chromium-headless-shell`; full Chromium works the same, only slower.
const SYSTEM_PATHS = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
];

/** CHROMIUM_PATH, then the usual system locations, then Playwright's own browser cache. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return system;
  const cache = join(process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), ".cache", "ms-playwright"));
  if (!existsSync(cache)) return undefined;
  for (const dir of readdirSync(cache)
    .filter((name) => name.startsWith("chromium"))
    .sort()
    .reverse()) {
    for (const sub of ["chrome-linux64/chrome", "chrome-linux/chrome", "chrome-linux/headless_shell"]) {
      const candidate = join(cache, dir, sub);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export const HOW_TO_GET_CHROMIUM =
  "no Chromium found: install one (Debian/Ubuntu: `sudo apt-get install chromium-headless-shell`, or `chromium`) or set CHROMIUM_PATH";

// The classroom may be offline: these flags stop Chromium phoning home.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** `args`: more flags for a test that needs them (lesson 09: --ignore-certificate-errors for its self-signed certificate). */
export async function launchBrowser(executablePath = findChromium(), args: string[] = []): Promise<Browser> {
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  return chromium.launch({ executablePath, headless: true, args: [...FLAGS, ...args] });
}

const sharedBrowsers = new Map<string, Promise<Browser>>();

/**
 * One Chromium per test process and set of flags, shared by every test file the process
 * runs (vitest runs files one after another in a worker without isolating them): a launch
 * costs about a second of CPU. Playwright ends it when the process exits; one that
 * crashed is launched anew.
 */
export function sharedBrowser(args: string[] = []): Promise<Browser> {
  const key = args.join(" ");
  let browser = sharedBrowsers.get(key);
  if (!browser) {
    browser = launchBrowser(findChromium(), args);
    sharedBrowsers.set(key, browser);
    const forget = () => sharedBrowsers.delete(key);
    browser.then((launched) => launched.on("disconnected", forget), forget);
  }
  return browser;
}

/**
 * A describe block whose tests get the process's shared Chromium. Without a browser it is
 * skipped with one line saying how to get one, except under CI=true, where a
 * missing browser is a failure: CI must never pass by skipping.
 */
export function describeInBrowser(
  name: string,
  body: (browser: () => Browser) => void,
  { args = [] }: { args?: string[] } = {},
): void {
  const executablePath = findChromium();
  if (!executablePath) {
    if (process.env.CI === "true") {
      describe(name, () => {
        it("needs Chromium under CI", () => {
          throw new Error(HOW_TO_GET_CHROMIUM);
        });
      });
    } else {
      console.warn(`[browser tests skipped] ${name}: ${HOW_TO_GET_CHROMIUM}`);
      describe.skip(name, () => body(() => undefined as never));
    }
    return;
  }
  describe(name, () => {
    let browser: Browser | undefined;
    let before = new Set<BrowserContext>();
    beforeAll(async () => {
      browser = await sharedBrowser(args);
      before = new Set(browser.contexts());
    });
    afterAll(async () => {
      // The browser stays for the next file; what this block opened does not.
      for (const context of browser?.contexts() ?? []) if (!before.has(context)) await context.close();
    });
    body(() => {
      if (!browser) throw new Error("browser not launched yet");
      return browser;
    });
  });
}
